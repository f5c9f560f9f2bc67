using System.Xml;

namespace SendFunctions.Core.Ingestion;

/// <summary>
/// The XmlReader settings for a workbook part: a DTD is refused (Excel never writes one; entity expansion and external
/// entities are how XML files attack readers) and nothing outside the part is ever resolved. Names are atomised once, so
/// an element is recognised by reference.
/// </summary>
internal sealed class SheetXml
{
    public SheetXml()
    {
        var names = new NameTable();
        Row = names.Add("row");
        Cell = names.Add("c");
        Value = names.Add("v");
        Formula = names.Add("f");
        Inline = names.Add("is");
        Text = names.Add("t");
        Phonetic = names.Add("rPh");
        Item = names.Add("si");
        Run = names.Add("r");
        Settings = new XmlReaderSettings
        {
            NameTable = names,
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            CloseInput = true,
        };
    }

    public XmlReaderSettings Settings { get; }

    public string Row { get; }

    public string Cell { get; }

    public string Value { get; }

    public string Formula { get; }

    public string Inline { get; }

    public string Text { get; }

    public string Phonetic { get; }

    public string Item { get; }

    public string Run { get; }

    /// <summary>Appends the text content of the element the reader is on (not empty) and leaves the reader on the node after it.</summary>
    public static void AppendContent(XmlReader reader, CharBuffer into)
    {
        var depth = reader.Depth;
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    into.Append(reader);
                    break;
                case XmlNodeType.EndElement when reader.Depth == depth:
                    return;
                case XmlNodeType.Element or XmlNodeType.EndElement:
                    // Markup inside a value or text element is not what Excel writes: its text is taken, its tags ignored.
                    break;
            }
        }
    }
}

/// <summary>A growable character buffer reused across rows, filled from an XmlReader without making strings.</summary>
internal sealed class CharBuffer
{
    private char[] chars = new char[1024];

    public int Length { get; private set; }

    public ReadOnlySpan<char> Slice(int start, int length) => chars.AsSpan(start, length);

    public void Clear() => Length = 0;

    public void Append(XmlReader reader)
    {
        if (!reader.CanReadValueChunk)
        {
            Append(reader.Value);
            return;
        }

        while (true)
        {
            Ensure(4096);
            var read = reader.ReadValueChunk(chars, Length, chars.Length - Length);
            if (read == 0)
            {
                return;
            }

            Length += read;
        }
    }

    public void Append(ReadOnlySpan<char> text)
    {
        Ensure(text.Length);
        text.CopyTo(chars.AsSpan(Length));
        Length += text.Length;
    }

    private void Ensure(int more)
    {
        if (Length + more > chars.Length)
        {
            Array.Resize(ref chars, Math.Max(chars.Length * 2, Length + more));
        }
    }
}

using System.Xml;
using DocumentFormat.OpenXml.Packaging;

namespace SendFunctions.Core.Ingestion;

/// <summary>The workbook's shared string table: each item's own text, else its rich-text runs joined (phonetic guides left out).</summary>
internal static class SharedStrings
{
    public static IReadOnlyList<string> Read(SharedStringTablePart? part)
    {
        var strings = new List<string>();
        if (part is null)
        {
            return strings;
        }

        var xml = new SheetXml();
        using var reader = XmlReader.Create(part.GetStream(FileMode.Open, FileAccess.Read), xml.Settings);
        var own = new CharBuffer();
        var runs = new CharBuffer();
        var hasOwn = false;
        var inItem = false;
        var inRun = false;
        var phoneticDepth = -1;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                var name = reader.LocalName;
                if (ReferenceEquals(name, xml.Item))
                {
                    own.Clear();
                    runs.Clear();
                    hasOwn = false;
                    inItem = !reader.IsEmptyElement;
                    if (!inItem)
                    {
                        strings.Add(string.Empty);
                    }
                }
                else if (ReferenceEquals(name, xml.Phonetic) && !reader.IsEmptyElement)
                {
                    phoneticDepth = reader.Depth;
                }
                else if (ReferenceEquals(name, xml.Run) && phoneticDepth < 0)
                {
                    inRun = !reader.IsEmptyElement;
                }
                else if (ReferenceEquals(name, xml.Text) && inItem && phoneticDepth < 0 && !reader.IsEmptyElement)
                {
                    if (inRun)
                    {
                        SheetXml.AppendContent(reader, runs);
                    }
                    else if (!hasOwn)
                    {
                        SheetXml.AppendContent(reader, own);
                        hasOwn = true;
                    }
                }
                else if (ReferenceEquals(name, xml.Text) && inItem && !inRun && phoneticDepth < 0)
                {
                    hasOwn = true;
                }
            }
            else if (reader.NodeType == XmlNodeType.EndElement)
            {
                var name = reader.LocalName;
                if (ReferenceEquals(name, xml.Item) && inItem)
                {
                    strings.Add(hasOwn ? own.Slice(0, own.Length).ToString() : runs.Slice(0, runs.Length).ToString());
                    inItem = false;
                }
                else if (ReferenceEquals(name, xml.Phonetic) && reader.Depth == phoneticDepth)
                {
                    phoneticDepth = -1;
                }
                else if (ReferenceEquals(name, xml.Run))
                {
                    inRun = false;
                }
            }
        }

        return strings;
    }
}

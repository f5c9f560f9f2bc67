using System.Net;
using System.Text;

namespace SendFunctions.Core.Mail;

/// <summary>Small HTML for mail clients (Outlook included): inline styles, tables for tabular data, everything encoded.</summary>
internal static class Html
{
    public const string Font = "font-family:Arial,Helvetica,sans-serif;font-size:11pt;color:#000000;";

    public static string P(string text) => $"<p style=\"{Font}\">{Encode(text)}</p>";

    public static string H(string text) => $"<h2 style=\"font-family:Arial,Helvetica,sans-serif;font-size:13pt;\">{Encode(text)}</h2>";

    public static string List(IEnumerable<string> items) =>
        $"<ul style=\"{Font}\">{string.Concat(items.Select(i => $"<li>{Encode(i)}</li>"))}</ul>";

    public static string Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var builder = new StringBuilder("<table role=\"table\" cellpadding=\"4\" cellspacing=\"0\" border=\"1\" style=\"border-collapse:collapse;" + Font + "\"><thead><tr>");
        foreach (var header in headers)
        {
            builder.Append("<th scope=\"col\" style=\"background:#D9D9D9;text-align:left;\">").Append(Encode(header)).Append("</th>");
        }

        builder.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            builder.Append("<tr>");
            foreach (var cell in row)
            {
                builder.Append("<td>").Append(Encode(cell)).Append("</td>");
            }

            builder.Append("</tr>");
        }

        return builder.Append("</tbody></table>").ToString();
    }

    public static string Link(string url, string text) => $"<p style=\"{Font}\"><a href=\"{WebUtility.HtmlEncode(url)}\">{Encode(text)}</a></p>";

    public static string Document(string title, IEnumerable<string> parts) =>
        $"<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>{Encode(title)}</title></head><body>{string.Concat(parts)}</body></html>";

    public static string Encode(string text) => WebUtility.HtmlEncode(text).Replace("\n", "<br>", StringComparison.Ordinal);
}

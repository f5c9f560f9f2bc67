using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using SendFunctions.Core.Ingestion;
using SendFunctions.Core.Periods;
using SendFunctions.Core.Reports;

namespace SendFunctions.Core.Serialization;

/// <summary>The one JSON shape the system writes: camelCase, dates yyyy-MM-dd, enums as their words, periods yyyy-MM.</summary>
public static class Json
{
    public static readonly JsonSerializerOptions Options = Create(indented: true);

    public static readonly JsonSerializerOptions Compact = Create(indented: false);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = indented,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new PeriodConverter());
        options.Converters.Add(new DatasetConverter());
        options.Converters.Add(new ReportKindConverter());
        options.Converters.Add(new JsonStringEnumConverter());
        options.TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver();
        options.MakeReadOnly();
        return options;
    }

    private sealed class PeriodConverter : JsonConverter<ReportingPeriod>
    {
        public override ReportingPeriod Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            ReportingPeriod.TryParse(reader.GetString(), out var period) ? period : throw new JsonException("A period must be written yyyy-MM.");

        public override void Write(Utf8JsonWriter writer, ReportingPeriod value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
    }

    private sealed class ReportKindConverter : JsonConverter<ReportKind>
    {
        public override ReportKind Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            ReportKinds.TryParse(reader.GetString(), out var kind) ? kind : throw new JsonException("Unknown report kind.");

        public override void Write(Utf8JsonWriter writer, ReportKind value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToSlug());
    }

    private sealed class DatasetConverter : JsonConverter<Dataset>
    {
        public override Dataset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            DatasetNames.TryParse(reader.GetString(), out var dataset) ? dataset : throw new JsonException("Unknown dataset.");

        public override void Write(Utf8JsonWriter writer, Dataset value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToSlug());
    }
}

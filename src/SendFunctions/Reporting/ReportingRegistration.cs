using Microsoft.Extensions.DependencyInjection;

namespace SendFunctions.Reporting;

internal static class ReportingRegistration
{
    /// <summary>Papers: the report-requests trigger and the monthly cycle.</summary>
    public static IServiceCollection AddReporting(this IServiceCollection services)
    {
        services.AddSingleton<GenerateReports>();
        return services;
    }
}

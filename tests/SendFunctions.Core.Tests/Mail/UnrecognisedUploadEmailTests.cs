using SendFunctions.Core.Mail;
using SendFunctions.Core.Periods;

namespace SendFunctions.Core.Tests.Mail;

public sealed class UnrecognisedUploadEmailTests
{
    private static readonly ReportingPeriod Fallback = ReportingPeriod.Parse("2025-02");

    [Theory]
    [InlineData("2025-03/Milestone-tracker.csv", "2025-03/milestones.csv", true)]
    [InlineData("2025-03/metrcs.xlsx", "2025-03/metrics.xlsx", true)]
    [InlineData("Action log 2025-01.xlsx", "2025-01/actions.xlsx", true)]
    [InlineData("budget.csv", "2025-02/actions.csv", false)]
    public void ClosestPath_Name_IsTheValidPathItResembles(string name, string closest, bool recognised)
    {
        var (path, isRecognised) = UnrecognisedUploadEmail.ClosestPath(name, Fallback);

        Assert.Equal(recognised, isRecognised);
        if (recognised)
        {
            Assert.Equal(closest, path.Name);
        }
        else
        {
            Assert.Equal(Fallback, path.Period);
        }
    }

    [Fact]
    public void ClosestPath_NameWithPeriodOnly_KeepsThatPeriod() =>
        Assert.Equal(ReportingPeriod.Parse("2025-03"), UnrecognisedUploadEmail.ClosestPath("2025-03/x.csv", Fallback).Path.Period);

    [Fact]
    public void ClosestPath_Dataset_IsOneWeReceive() =>
        Assert.True(Enum.IsDefined(UnrecognisedUploadEmail.ClosestPath("zzz", Fallback).Path.Dataset));
}

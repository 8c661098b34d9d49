namespace CodeArtifact.Core.Tests.Reports;
public class ZzPeek
{
    [Fact]
    public void Peek()
    {
        var r = typeof(JobReportTests).GetMethod("Cleanup", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.Invoke(null, [false]) as CodeArtifact.Core.Jobs.JobResult;
        File.WriteAllText("/tmp/peek.json", CodeArtifact.Core.Reports.JobReport.ToJson(r!));
        File.WriteAllText("/tmp/peek.md", CodeArtifact.Core.Reports.JobReport.ToMarkdown(r!));
        Assert.True(true);
    }
}

// The app itself is deliberately trivial: the sample is about its release pipeline (SampleApp.csproj).
var version = typeof(Program).Assembly.GetName().Version;
Console.WriteLine($"sample-app {version?.ToString(3)}");

using System.Diagnostics;
using System.Text;

namespace CodeArtifact.TestUtilities;

/// <summary>
/// Everything a child process prints, standard output and error interleaved as they arrive (the
/// two streams are read on different threads, hence the lock).
/// </summary>
internal sealed class OutputBuffer
{
    private readonly StringBuilder _text = new();
    private readonly TaskCompletionSource _outputEnded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _errorEnded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when both streams reached their end.</summary>
    public Task Ended => Task.WhenAll(_outputEnded.Task, _errorEnded.Task);

    /// <summary>Starts <paramref name="process"/> with both streams read into this buffer.</summary>
    public void Capture(Process process)
    {
        process.OutputDataReceived += (_, e) => Append(e.Data, _outputEnded);
        process.ErrorDataReceived += (_, e) => Append(e.Data, _errorEnded);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public override string ToString()
    {
        lock (_text)
        {
            return _text.ToString();
        }
    }

    private void Append(string? line, TaskCompletionSource end)
    {
        if (line is null)
        {
            end.TrySetResult();
            return;
        }

        lock (_text)
        {
            _text.AppendLine(line);
        }
    }
}

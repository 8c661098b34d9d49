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

    /// <summary>Starts <paramref name="process"/> with both streams read into this buffer.</summary>
    public void Capture(Process process)
    {
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
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

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_text)
            {
                _text.AppendLine(line);
            }
        }
    }
}

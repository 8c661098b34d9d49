using System.Collections.Concurrent;

namespace CodeArtifact.Emulator.Auth;

/// <summary>
/// The gateway's lock on an access key after repeated signature failures (five minutes).
/// Disabled unless <see cref="EmulatorOptions.AccessKeyLockoutThreshold"/> is set.
/// </summary>
internal sealed class AccessKeyLockout(int? threshold, TimeProvider clock)
{
    private static readonly TimeSpan LockTime = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<string, (int Failures, DateTimeOffset LockedUntil)> _state = new(StringComparer.Ordinal);

    public bool IsLocked(string accessKey) =>
        threshold is not null && _state.TryGetValue(accessKey, out var s) && s.LockedUntil > clock.GetUtcNow();

    public void Failed(string accessKey)
    {
        if (threshold is not { } limit)
        {
            return;
        }

        _state.AddOrUpdate(
            accessKey,
            _ => (1, DateTimeOffset.MinValue),
            (_, s) => s.Failures + 1 > limit ? (0, clock.GetUtcNow() + LockTime) : (s.Failures + 1, s.LockedUntil));
    }

    public void Succeeded(string accessKey) => _state.TryRemove(accessKey, out _);
}

namespace Shelter.Web.Tests.Infrastructure;

/// <summary>Real time plus an offset a test can move forward: "four hours later" without waiting.</summary>
public sealed class TestClock : TimeProvider
{
    public TimeSpan Offset { get; private set; }
    public override DateTimeOffset GetUtcNow() => DateTimeOffset.UtcNow + Offset;
    public void Advance(TimeSpan by) => Offset += by;

    /// <summary>From now on the clock reads <paramref name="utc"/> (and keeps ticking from there).</summary>
    public void SetTo(DateTime utc) => Offset = utc - DateTime.UtcNow;
}

namespace TechInterviewCoach.TestKit;

/// <summary>A clock the test moves by hand. Timers are not faked: code under test uses TimeProvider for "now" only.</summary>
public sealed class FakeTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;
    private readonly Lock _lock = new();

    public FakeTimeProvider() : this(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero)) { }

    public override DateTimeOffset GetUtcNow() { lock (_lock) return _now; }

    public void Advance(TimeSpan by) { lock (_lock) _now += by; }

    public void SetUtcNow(DateTimeOffset value) { lock (_lock) _now = value; }
}

namespace Shelter.Web.Infrastructure;

/// <summary>
/// What every command handler answers, so a controller reads them all the same way: done, refused
/// with reasons a worker can act on, or the record is not there (the controller answers 404).
/// Reasons are English resource keys (or already put in the reader's language, when they carry a
/// value); the layout and <see cref="Localization.LocalizedModelErrorsFilter"/> translate keys.
/// </summary>
public record Outcome(IReadOnlyList<string> Errors, bool Missing = false)
{
    public bool Succeeded => Errors.Count == 0 && !Missing;

    /// <summary>The first reason, for a page that shows one message at the top.</summary>
    public string? Error => Errors.Count > 0 ? Errors[0] : null;

    public static Outcome Done { get; } = new([]);

    public static Outcome NotFound { get; } = new([], Missing: true);

    public static Outcome Refused(params IReadOnlyList<string> errors) => new(errors);

    /// <summary>Done, with what the handler made (a new record's id, the next allocation).</summary>
    public static Outcome<T> Made<T>(T value) => new(value, []);

    /// <summary>Refused, for a handler that would have made something.</summary>
    public static Outcome<T> Refused<T>(params IReadOnlyList<string> errors) => new(default, errors);

    public static Outcome<T> NotFoundOf<T>() => new(default, [], Missing: true);
}

/// <summary>An <see cref="Outcome"/> that carries what was made when it succeeded.</summary>
public sealed record Outcome<T>(T? Value, IReadOnlyList<string> Errors, bool Missing = false) : Outcome(Errors, Missing);

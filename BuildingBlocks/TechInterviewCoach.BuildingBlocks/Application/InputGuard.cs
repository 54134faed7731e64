using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using FluentValidation.Results;

namespace TechInterviewCoach.BuildingBlocks.Application;

/// <summary>
/// The one rule, applied at the edge, for what any text input may hold and where null is allowed:
/// <list type="bullet">
/// <item>Text may hold tab, line feed and carriage return, but no other control character (U+0000–U+001F, U+007F–U+009F)
/// and no unpaired surrogate. PostgreSQL refuses U+0000 outright; the others have no business in a name, bio or search.</item>
/// <item>A property, list element or dictionary value whose type is not nullable (C# nullable annotations) may not be null.</item>
/// </list>
/// Walks strings, collections and the app's own types (namespace TechInterviewCoach.*), and names each failing field as
/// FluentValidation does (<c>Answers.TargetCompanies[0]</c>). Applied by the minimal-API endpoint filter (field names as the
/// JSON body and query name them) and by the mediator's validation behaviour (so pages get form errors and nothing reaches the
/// database unchecked). See docs/decisions/0016-input-at-the-edge.md.
/// </summary>
public static class InputGuard
{
    public const string ControlCharacterMessage = "Remove control characters (such as NUL) from this text.";
    public const string RequiredMessage = "This cannot be null.";
    private const int MaxDepth = 8;

    /// <summary>True when the text holds only characters the app accepts.</summary>
    public static bool IsAllowedText(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < ' ') { if (c is not ('\t' or '\n' or '\r')) return false; }
            else if (c is >= '\u007f' and <= '\u009f') return false;
            else if (char.IsHighSurrogate(c)) { if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])) return false; i++; }
            else if (char.IsLowSurrogate(c)) return false;
        }
        return true;
    }

    /// <summary>Whether values of this type are walked (text, collections, the app's own types).</summary>
    public static bool IsGuarded(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string)) return true;
        if (type.IsEnum || type.IsPrimitive || type == typeof(byte[])) return false;
        if (IsOwn(type)) return true;
        return type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type) && ElementType(type) is { } e && (IsGuarded(e) || !e.IsValueType);
    }

    /// <summary>Every failure in <paramref name="value"/>; <paramref name="path"/> names the value itself ("" for a body).</summary>
    /// <param name="nulls">Also refuse nulls where the type says none (JSON bodies, where null is explicit). Pages bind an empty
    /// field as null, which their validators judge, so the mediator checks text only.</param>
    public static List<ValidationFailure> Check(object? value, string path, bool nulls = true)
    {
        var failures = new List<ValidationFailure>();
        Walk(value, path, failures, 0);
        if (!nulls) failures.RemoveAll(f => f.ErrorCode == "required");
        return failures;
    }

    private static void Walk(object? value, string path, List<ValidationFailure> failures, int depth)
    {
        if (value is null || depth > MaxDepth || failures.Count >= 50) return;
        switch (value)
        {
            case string s:
                if (!IsAllowedText(s)) failures.Add(new ValidationFailure(path, ControlCharacterMessage) { ErrorCode = "control_character" });
                return;
            case byte[] or Stream or Delegate or Type or System.Security.Claims.ClaimsPrincipal:
                return;
            case IDictionary dictionary:
            {
                var valueNullable = ElementNullable(value.GetType(), 1);
                foreach (DictionaryEntry entry in dictionary)
                {
                    var key = $"{path}[{entry.Key}]";
                    if (entry.Key is string k && !IsAllowedText(k)) failures.Add(new ValidationFailure(path, ControlCharacterMessage) { ErrorCode = "control_character" });
                    if (entry.Value is null) { if (!valueNullable) failures.Add(new ValidationFailure(key, RequiredMessage) { ErrorCode = "required" }); }
                    else Walk(entry.Value, key, failures, depth + 1);
                }
                return;
            }
            case IEnumerable items when !IsOwn(value.GetType()):
            {
                var type = value.GetType();
                var element = ElementType(type);
                if (element is null || (element.IsValueType && !IsGuarded(element))) return;
                var elementNullable = ElementNullable(type, 0);
                var i = 0;
                foreach (var item in items)
                {
                    var key = $"{path}[{i++}]";
                    if (item is null) { if (!elementNullable) failures.Add(new ValidationFailure(key, RequiredMessage) { ErrorCode = "required" }); }
                    else Walk(item, key, failures, depth + 1);
                    if (i > 10_000) break;
                }
                return;
            }
        }
        var valueType = value.GetType();
        if (!IsOwn(valueType)) return;
        foreach (var p in Properties(valueType))
        {
            object? child;
            try { child = p.Getter(value); } catch (TargetInvocationException) { continue; }
            var childPath = path.Length == 0 ? p.Name : $"{path}.{p.Name}";
            if (child is null)
            {
                if (!p.Nullable) failures.Add(new ValidationFailure(childPath, RequiredMessage) { ErrorCode = "required" });
                continue;
            }
            // Collections declared with nullable elements (List<string?>) allow null items; the declared type decides.
            if (p.ElementNullable is { } allowNull && child is IEnumerable and not string and not IDictionary)
            {
                var i = 0;
                foreach (var item in (IEnumerable)child)
                {
                    var key = $"{childPath}[{i++}]";
                    if (item is null) { if (!allowNull) failures.Add(new ValidationFailure(key, RequiredMessage) { ErrorCode = "required" }); }
                    else Walk(item, key, failures, depth + 2);
                    if (i > 10_000) break;
                }
                continue;
            }
            Walk(child, childPath, failures, depth + 1);
        }
    }

    private sealed record GuardedProperty(string Name, Func<object, object?> Getter, bool Nullable, bool? ElementNullable);

    private static readonly ConcurrentDictionary<Type, GuardedProperty[]> Cache = new();

    private static GuardedProperty[] Properties(Type type) => Cache.GetOrAdd(type, static t =>
    {
        var context = new NullabilityInfoContext();
        return t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.GetMethod!.IsPublic && IsGuarded(p.PropertyType))
            .Where(p => p.Name != "EqualityContract")
            .Select(p =>
            {
                var info = context.Create(p);
                var nullable = p.PropertyType.IsValueType || info.ReadState != NullabilityState.NotNull;
                bool? elementNullable = null;
                if (p.PropertyType != typeof(string) && !typeof(IDictionary).IsAssignableFrom(p.PropertyType) && typeof(IEnumerable).IsAssignableFrom(p.PropertyType))
                {
                    var element = info.ElementType ?? (info.GenericTypeArguments.Length == 1 ? info.GenericTypeArguments[0] : null);
                    if (element is not null && !element.Type.IsValueType) elementNullable = element.ReadState != NullabilityState.NotNull;
                }
                return new GuardedProperty(p.Name, o => p.GetValue(o), nullable, elementNullable);
            }).ToArray();
    });

    private static bool IsOwn(Type type) =>
        type.Namespace?.StartsWith("TechInterviewCoach", StringComparison.Ordinal) == true && !type.IsEnum && !type.IsPrimitive
        && !typeof(Delegate).IsAssignableFrom(type);

    private static Type? ElementType(Type type)
    {
        if (type.IsArray) return type.GetElementType();
        var enumerable = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            ? type : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return enumerable?.GetGenericArguments()[0];
    }

    /// <summary>Without a declaring property (a top-level list) nothing says the elements are nullable: reference elements may not be null.</summary>
    private static bool ElementNullable(Type type, int argument)
    {
        var args = type.IsGenericType ? type.GetGenericArguments() : [];
        return args.Length > argument && Nullable.GetUnderlyingType(args[argument]) is not null;
    }
}

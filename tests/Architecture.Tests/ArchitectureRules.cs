using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechInterviewCoach.BuildingBlocks.Composition;

namespace TechInterviewCoach.Architecture.Tests;

/// <summary>
/// The rules of the modular monolith, as functions from an assembly to its violations, so that each rule
/// is tested both against the real modules (no violations) and against a rogue fixture (violations found).
/// </summary>
public static class ArchitectureRules
{
    private const string Prefix = "TechInterviewCoach.";
    private static readonly string[] Shared = ["TechInterviewCoach.SharedKernel", "TechInterviewCoach.BuildingBlocks"];

    /// <summary>A module may use shared building blocks and other modules' Contracts, never their implementation.</summary>
    public static IReadOnlyList<string> ModuleReferences(Assembly module) =>
        module.GetReferencedAssemblies().Select(a => a.Name!)
            .Where(n => n.StartsWith(Prefix) && !Shared.Contains(n) && !n.EndsWith(".Contracts"))
            .Select(n => $"{module.GetName().Name} references the implementation {n}")
            .ToList();

    /// <summary>Contracts are plain requests, notifications and DTOs: MediatR and the shared kernel only.</summary>
    public static IReadOnlyList<string> ContractsReferences(Assembly contracts) =>
        contracts.GetReferencedAssemblies().Select(a => a.Name!)
            .Where(n => n != "MediatR" && n != "TechInterviewCoach.SharedKernel" && !n.StartsWith("System") && n != "netstandard" && n != "Microsoft.Bcl.AsyncInterfaces")
            .Select(n => $"{contracts.GetName().Name} depends on {n}")
            .ToList();

    /// <summary>
    /// A module's implementation is internal. Public are only its composition entry point (the IModule) and,
    /// where Razor needs it, page models.
    /// </summary>
    public static IReadOnlyList<string> PublicSurface(Assembly module) =>
        module.GetExportedTypes()
            .Where(t => !typeof(IModule).IsAssignableFrom(t) && !typeof(PageModel).IsAssignableFrom(t))
            .Select(t => $"{t.FullName} is public but only the module uses it")
            .ToList();

    /// <summary>Only the module's own test project may see its internals; in particular not the host.</summary>
    public static IReadOnlyList<string> InternalsVisibility(Assembly module)
    {
        var own = module.GetName().Name + ".Tests";
        return module.GetCustomAttributes<InternalsVisibleToAttribute>()
            .Where(a => a.AssemblyName != own)
            .Select(a => $"{module.GetName().Name} shows its internals to {a.AssemblyName}")
            .ToList();
    }

    /// <summary>
    /// The host touches a module's implementation only to compose it: any type it uses from a module
    /// assembly, in a signature, field, property or base type, is that module's IModule.
    /// </summary>
    public static IReadOnlyList<string> HostUsesOnlyComposition(Assembly host, IReadOnlyCollection<Assembly> modules)
    {
        var moduleNames = modules.Select(m => m.GetName().Name).ToHashSet();
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var used = host.GetTypes().SelectMany(t =>
            new[] { t.BaseType }
                .Concat(t.GetFields(all).Select(f => f.FieldType))
                .Concat(t.GetProperties(all).Select(p => p.PropertyType))
                .Concat(t.GetMethods(all).SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType)))
                .Concat(t.GetConstructors(all).SelectMany(c => c.GetParameters().Select(p => p.ParameterType)))
                .Where(u => u is not null).Select(u => (User: t, Used: u!)));
        return used
            .Where(x => moduleNames.Contains(x.Used.Assembly.GetName().Name) && !typeof(IModule).IsAssignableFrom(x.Used))
            .Select(x => $"{x.User.FullName} uses {x.Used.FullName}")
            .Distinct().ToList();
    }

    /// <summary>A module's DbContext maps only its own tables (prefix on SQLite), plus the platform outbox it writes to.</summary>
    public static IReadOnlyList<string> OwnTablesOnly(DbContext context, string module) =>
        context.Model.GetEntityTypes()
            .Select(e => e.GetTableName())
            .Where(t => t is not null && !t.StartsWith(module + "_") && t != "platform_outbox_messages")
            .Select(t => $"{context.GetType().Name} maps {t}, which is not a {module} table")
            .ToList();

    // The layout of decision 0017, read from the source tree: a module project is a directory, e.g.
    // Modules/Orders/TechInterviewCoach.Orders, and its module name is the last part of the project name ("Orders").

    /// <summary>The folders every module project may have at its root (0017); wwwroot is the Razor class library's static-asset root.</summary>
    public static readonly string[] Rooms = ["Data", "Domain", "Features", "ContractHandlers", "Infrastructure", "Pages", "wwwroot"];

    /// <summary>
    /// The same rooms in every module: at the root only <see cref="Rooms"/>, <c>&lt;Module&gt;Module.cs</c>,
    /// <c>&lt;Module&gt;Options.cs</c>, <c>GlobalUsings.cs</c> and the project file (bin/ and obj/ are build output).
    /// </summary>
    public static IReadOnlyList<string> RootLayout(string projectDirectory)
    {
        var module = ModuleOf(projectDirectory);
        string[] files = [$"{module}Module.cs", $"{module}Options.cs", "GlobalUsings.cs", $"TechInterviewCoach.{module}.csproj"];
        var folders = Directory.GetDirectories(projectDirectory).Select(Path.GetFileName)
            .Where(d => d is not ("bin" or "obj") && !Rooms.Contains(d))
            .Select(d => $"{module} has a folder {d}/ at its root; the rooms are {string.Join(", ", Rooms)}");
        var strays = Directory.GetFiles(projectDirectory).Select(Path.GetFileName)
            .Where(f => !files.Contains(f))
            .Select(f => $"{module} has a file {f} at its root; only {string.Join(", ", files)} belong there");
        return folders.Concat(strays).ToList()!;
    }

    /// <summary>One use case per file: no file under Features/ declares more than one IRequest type.</summary>
    public static IReadOnlyList<string> OneRequestPerFile(string projectDirectory)
    {
        var features = Path.Combine(projectDirectory, "Features");
        if (!Directory.Exists(features)) return [];
        return SourceFiles(features)
            .Select(f => (File: f, Requests: RequestDeclaration.Matches(StripComments(File.ReadAllText(f))).Select(m => m.Groups["name"].Value).ToList()))
            .Where(x => x.Requests.Count > 1)
            .Select(x => $"{Relative(projectDirectory, x.File)} declares {x.Requests.Count} requests ({string.Join(", ", x.Requests)}); one use case per file")
            .ToList();
    }

    /// <summary>
    /// Each page model sits in its own <c>X.cshtml.cs</c> beside its <c>X.cshtml</c>; no other file under Pages/ declares a
    /// PageModel, and no page file declares two.
    /// </summary>
    public static IReadOnlyList<string> PageModelsBesideTheirPages(string projectDirectory)
    {
        var pages = Path.Combine(projectDirectory, "Pages");
        if (!Directory.Exists(pages)) return [];
        var violations = new List<string>();
        foreach (var file in SourceFiles(pages))
        {
            var models = PageModelDeclaration.Matches(StripComments(File.ReadAllText(file))).Select(m => m.Groups["name"].Value).ToList();
            var relative = Relative(projectDirectory, file);
            if (!file.EndsWith(".cshtml.cs", StringComparison.Ordinal))
            {
                if (models.Count > 0) violations.Add($"{relative} declares the page model(s) {string.Join(", ", models)} outside a .cshtml.cs file");
                continue;
            }
            if (!File.Exists(file[..^".cs".Length])) violations.Add($"{relative} has no {Path.GetFileName(file[..^".cs".Length])} beside it");
            if (models.Count > 1) violations.Add($"{relative} declares {models.Count} page models ({string.Join(", ", models)}); one per page");
        }
        return violations;
    }

    /// <summary>
    /// Every request and notification a Contracts assembly offers is handled somewhere: a type in one of the module
    /// assemblies implements IRequestHandler or INotificationHandler for it (a notification handler of a base type counts).
    /// </summary>
    public static IReadOnlyList<string> ContractsHaveHandlers(Assembly contracts, IReadOnlyCollection<Assembly> modules)
    {
        var handled = modules.SelectMany(LoadableTypes)
            .Where(t => t is { IsAbstract: false, IsInterface: false })
            .SelectMany(t => t.GetInterfaces())
            .Where(i => i.IsGenericType && HandlerInterfaces.Contains(i.GetGenericTypeDefinition()))
            .Select(i => i.GetGenericArguments()[0])
            .ToList();
        return LoadableTypes(contracts)
            .Where(t => t is { IsAbstract: false, IsInterface: false, ContainsGenericParameters: false } && IsMessage(t))
            .Where(t => !handled.Any(h => h == t || (typeof(INotification).IsAssignableFrom(t) && h.IsAssignableFrom(t) && h != typeof(INotification))))
            .Select(t => $"{t.FullName} ({contracts.GetName().Name}) has no handler in any module")
            .ToList();
    }

    /// <summary>The repository's root: the directory holding TechInterviewCoach.sln above the test assembly.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "TechInterviewCoach.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No TechInterviewCoach.sln above {AppContext.BaseDirectory}");
    }

    /// <summary>The source directory of a module's implementation project.</summary>
    public static string ModuleDirectory(string module) =>
        Path.Combine(RepositoryRoot(), "Modules", module, $"TechInterviewCoach.{module}");

    private static readonly Type[] HandlerInterfaces = [typeof(IRequestHandler<,>), typeof(INotificationHandler<>)];

    private static bool IsMessage(Type t) =>
        typeof(INotification).IsAssignableFrom(t) ||
        t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>));

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try { return assembly.GetTypes(); }
        catch (ReflectionTypeLoadException e) { return e.Types.Where(t => t is not null)!; }
    }

    private static string ModuleOf(string projectDirectory) =>
        Path.GetFileName(projectDirectory.TrimEnd(Path.DirectorySeparatorChar)).Split('.').Last();

    private static IEnumerable<string> SourceFiles(string directory) =>
        Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj"))
            .Order(StringComparer.Ordinal);

    private static string Relative(string root, string file) => Path.GetRelativePath(root, file).Replace('\\', '/');

    /// <summary>Comments removed, so a type named in a doc comment does not count as declared.</summary>
    private static string StripComments(string source) =>
        Regex.Replace(source, @"//[^\n]*|/\*.*?\*/", "", RegexOptions.Singleline);

    /// <summary>A class/record/struct whose base list (up to its body or the end of its declaration) names IRequest or IRequest&lt;T&gt;.</summary>
    private static readonly Regex RequestDeclaration = new(
        @"\b(?:class|record|struct)\s+(?<name>\w+)[^{;]*?[:,]\s*(?:MediatR\.)?IRequest\b(?!Handler)", RegexOptions.Compiled);

    /// <summary>A class whose base list names PageModel (Razor's base class for page models).</summary>
    private static readonly Regex PageModelDeclaration = new(
        @"\bclass\s+(?<name>\w+)[^{;]*?[:,]\s*(?:Microsoft\.AspNetCore\.Mvc\.RazorPages\.)?PageModel\b", RegexOptions.Compiled);
}

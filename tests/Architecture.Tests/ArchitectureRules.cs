using System.Reflection;
using System.Runtime.CompilerServices;
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
}

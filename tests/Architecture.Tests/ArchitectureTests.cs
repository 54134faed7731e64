using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TechInterviewCoach.BuildingBlocks.Persistence;
using TechInterviewCoach.TestKit;

namespace TechInterviewCoach.Architecture.Tests;

public sealed class ArchitectureTests
{
    public static readonly string[] ModuleNames = ["Identity", "Matching", "Messaging", "Orders", "Integrations"];

    private static Assembly Load(string name) => Assembly.Load(name);
    private static Assembly Module(string m) => Load($"TechInterviewCoach.{m}");
    private static Assembly Contracts(string m) => Load($"TechInterviewCoach.{m}.Contracts");
    private static readonly Assembly Rogue = typeof(TechInterviewCoach.Rogue.RogueRepository).Assembly;

    public static TheoryData<string> Modules() => new(ModuleNames);

    [Theory, MemberData(nameof(Modules))]
    public void A_module_references_no_other_modules_implementation(string module) =>
        ArchitectureRules.ModuleReferences(Module(module)).ShouldBeEmpty();

    [Theory, MemberData(nameof(Modules))]
    public void A_modules_contracts_depend_only_on_mediatr_and_the_shared_kernel(string module) =>
        ArchitectureRules.ContractsReferences(Contracts(module)).ShouldBeEmpty();

    [Theory, MemberData(nameof(Modules))]
    public void A_modules_implementation_is_internal_except_its_composition_entry_point(string module) =>
        ArchitectureRules.PublicSurface(Module(module)).ShouldBeEmpty();

    [Theory, MemberData(nameof(Modules))]
    public void A_module_shows_its_internals_only_to_its_own_tests(string module) =>
        ArchitectureRules.InternalsVisibility(Module(module)).ShouldBeEmpty();

    [Fact]
    public void The_host_uses_modules_only_to_compose_them() =>
        ArchitectureRules.HostUsesOnlyComposition(typeof(Program).Assembly, ModuleNames.Select(Module).ToList()).ShouldBeEmpty();

    [Fact]
    public async Task Each_modules_dbcontext_maps_only_its_own_tables()
    {
        await using var app = new AppFactory { Database = TestDatabase.Sqlite };
        await app.InitializeAsync();
        await using var scope = app.Services.CreateAsyncScope();
        foreach (var module in ModuleNames)
        {
            var contexts = Module(module).GetTypes().Where(t => typeof(ModuleDbContext).IsAssignableFrom(t) && !t.IsAbstract).ToList();
            contexts.ShouldNotBeEmpty($"{module} has a DbContext");
            foreach (var type in contexts)
            {
                var context = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(type);
                ArchitectureRules.OwnTablesOnly(context, context.Module).ShouldBeEmpty();
            }
        }
    }

    // Each rule can fail: the rogue fixture breaks every one of them.

    [Fact]
    public void The_reference_rule_catches_a_module_that_uses_another_modules_implementation() =>
        ArchitectureRules.ModuleReferences(Rogue).ShouldContain(v => v.Contains("TechInterviewCoach.Identity"));

    [Fact]
    public void The_contracts_rule_catches_a_contracts_assembly_with_infrastructure() =>
        ArchitectureRules.ContractsReferences(Rogue).ShouldContain(v => v.Contains("Microsoft.EntityFrameworkCore") || v.Contains("TechInterviewCoach.Identity"));

    [Fact]
    public void The_public_surface_rule_catches_a_needlessly_public_type() =>
        ArchitectureRules.PublicSurface(Rogue).ShouldContain(v => v.Contains("RogueRepository"));

    [Fact]
    public void The_visibility_rule_catches_internals_shown_to_the_host() =>
        ArchitectureRules.InternalsVisibility(Rogue).ShouldContain(v => v.Contains("TechInterviewCoach.Host"));

    [Fact]
    public void The_host_rule_catches_use_of_a_type_beyond_composition() =>
        ArchitectureRules.HostUsesOnlyComposition(typeof(ArchitectureTests).Assembly, [Rogue])
            .ShouldContain(v => v.Contains("RogueRepository"));

    [Fact]
    public void The_table_rule_catches_a_dbcontext_that_maps_another_modules_table()
    {
        var options = new DbContextOptionsBuilder<TechInterviewCoach.Rogue.RogueDbContext>().UseSqlite("Data Source=:memory:").Options;
        using var context = new TechInterviewCoach.Rogue.RogueDbContext(options);
        ArchitectureRules.OwnTablesOnly(context, "rogue").ShouldContain(v => v.Contains("identity_users"));
    }

    /// <summary>Uses the rogue type in a signature, as a host that reached past composition would.</summary>
    internal static TechInterviewCoach.Rogue.RogueRepository? ReachPastComposition() => null;
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TechInterviewCoach.BuildingBlocks.Persistence;

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

    // The layout of decision 0017, held on every module's source.

    [Theory, MemberData(nameof(Modules))]
    public void A_module_has_only_the_house_style_rooms_at_its_root(string module) =>
        ArchitectureRules.RootLayout(ArchitectureRules.ModuleDirectory(module)).ShouldBeEmpty();

    [Theory, MemberData(nameof(Modules))]
    public void A_modules_use_case_files_each_declare_one_request(string module) =>
        ArchitectureRules.OneRequestPerFile(ArchitectureRules.ModuleDirectory(module)).ShouldBeEmpty();

    [Theory, MemberData(nameof(Modules))]
    public void A_modules_page_models_each_sit_beside_their_page(string module) =>
        ArchitectureRules.PageModelsBesideTheirPages(ArchitectureRules.ModuleDirectory(module)).ShouldBeEmpty();

    [Theory, MemberData(nameof(Modules))]
    public void Every_request_and_notification_in_a_modules_contracts_has_a_handler(string module) =>
        ArchitectureRules.ContractsHaveHandlers(Contracts(module), ModuleNames.Select(Module).ToList()).ShouldBeEmpty();

    [Fact]
    public void The_layout_rules_read_every_module_project_on_disk()
    {
        foreach (var module in ModuleNames)
            File.Exists(Path.Combine(ArchitectureRules.ModuleDirectory(module), $"TechInterviewCoach.{module}.csproj")).ShouldBeTrue(module);
    }

    // Each rule can fail: the rogue fixture breaks every one of them.

    private static string RogueDirectory =>
        Path.Combine(ArchitectureRules.RepositoryRoot(), "tests", "Architecture.Fixtures", "TechInterviewCoach.Rogue");

    [Fact]
    public void The_room_rule_catches_a_stray_folder_and_a_stray_file_at_a_modules_root()
    {
        var violations = ArchitectureRules.RootLayout(RogueDirectory);
        violations.ShouldContain(v => v.Contains("folder Services/"));
        violations.ShouldContain(v => v.Contains("file Rogue.cs"));
        violations.ShouldNotContain(v => v.Contains("folder Features/") || v.Contains("folder Pages/") || v.Contains("file TechInterviewCoach.Rogue.csproj"));
    }

    [Fact]
    public void The_one_request_rule_catches_a_use_case_file_with_two_requests() =>
        ArchitectureRules.OneRequestPerFile(RogueDirectory)
            .ShouldContain(v => v.Contains("DoEverything.cs") && v.Contains("DoEverything, RogueOrphanRequest"));

    [Fact]
    public void The_page_rule_catches_a_page_model_outside_a_page_file_and_one_without_its_page()
    {
        var violations = ArchitectureRules.PageModelsBesideTheirPages(RogueDirectory);
        violations.ShouldContain(v => v.Contains("Pages/Stray.cs") && v.Contains("StrayModel"));
        violations.ShouldContain(v => v.Contains("Pages/Orphan.cshtml.cs has no Orphan.cshtml"));
    }

    [Fact]
    public void The_handler_rule_catches_a_request_and_a_notification_nobody_handles()
    {
        var violations = ArchitectureRules.ContractsHaveHandlers(Rogue, [Rogue]);
        violations.ShouldContain(v => v.Contains("RogueOrphanRequest"));
        violations.ShouldContain(v => v.Contains("RogueOrphanNotification"));
        violations.ShouldNotContain(v => v.Contains("Features.DoEverything "), "a handled request is not reported");
    }


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

using TechInterviewCoach.BuildingBlocks.Composition;
using TechInterviewCoach.BuildingBlocks.Persistence;

namespace TechInterviewCoach.Messaging;

/// <summary>Conversations between a coachee and a coach, live chat over Server-Sent Events, unread counts and responsiveness.</summary>
public sealed class MessagingModule : IModule
{
    public string Name => MessagingDbContext.ModuleName;

    public void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddModuleDbContext<MessagingDbContext>(Name);
        services.AddValidatedOptions<MessagingOptions>(configuration, MessagingOptions.Section);
        services.AddChatBus();
        services.AddSingleton<UnreadNotifier>();
        services.AddHostedService(sp => sp.GetRequiredService<UnreadNotifier>());
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/messaging").WithTags("Messaging");
        StartConversationEndpoint.Map(api);
        SendMessageEndpoint.Map(api);
        GetMessagesEndpoint.Map(api);
        MarkReadEndpoint.Map(api);
        ListConversationsEndpoint.Map(api);
        GetConversationEndpoint.Map(api);
        GetUnreadCountEndpoint.Map(api);
        CloseConversationEndpoint.Map(api);
        BlockConversationEndpoint.Map(api);
        ReportMessageEndpoint.Map(api);
        ListReportsEndpoint.Map(api);
        StreamConversationEndpoint.Map(api);
        StreamUnreadCountEndpoint.Map(api);
    }
}

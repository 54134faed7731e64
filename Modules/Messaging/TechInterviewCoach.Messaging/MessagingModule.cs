using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TechInterviewCoach.BuildingBlocks.Composition;
using TechInterviewCoach.BuildingBlocks.Persistence;
using TechInterviewCoach.Messaging.Data;
using TechInterviewCoach.Messaging.Features.CloseConversation;
using TechInterviewCoach.Messaging.Features.ListConversations;
using TechInterviewCoach.Messaging.Features.LiveStream;
using TechInterviewCoach.Messaging.Features.ReadMessages;
using TechInterviewCoach.Messaging.Features.ReportMessage;
using TechInterviewCoach.Messaging.Features.SendMessage;
using TechInterviewCoach.Messaging.Features.Shared;
using TechInterviewCoach.Messaging.Features.StartConversation;
using TechInterviewCoach.Messaging.Features.Unread;
using TechInterviewCoach.Messaging.Live;

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
        ReadMessagesEndpoints.Map(api);
        ListConversationsEndpoints.Map(api);
        CloseAndBlockEndpoints.Map(api);
        ReportEndpoints.Map(api);
        LiveStreamEndpoints.Map(api);
    }
}

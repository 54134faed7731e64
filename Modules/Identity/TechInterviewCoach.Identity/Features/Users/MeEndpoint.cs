using System.Security.Claims;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using TechInterviewCoach.BuildingBlocks.Application;
using TechInterviewCoach.BuildingBlocks.Web;
using TechInterviewCoach.Identity.Contracts;

namespace TechInterviewCoach.Identity.Features.Users;

internal static class MeEndpoint
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/me", async Task<Ok<UserSummary>> (ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            {
                var me = await mediator.Send(new GetUserSummary(user.GetUserId()), ct)
                         ?? throw new NotFoundException("user_not_found", "Your account no longer exists.");
                return TypedResults.Ok(me);
            })
            .RequireAuthorization()
            .WithName("GetMe")
            .WithSummary("The signed-in person's public summary.");
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using TechInterviewCoach.BuildingBlocks.Composition;
using TechInterviewCoach.Matching.Infrastructure;

namespace TechInterviewCoach.Matching;

/// <summary>The quiz, the CV, coach profiles and listings, ranked matches, and the rule that releases quiz and CV to a coach only through a conversation.</summary>
public sealed class MatchingModule : IModule
{
    public string Name => MatchingDbContext.ModuleName;

    public void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddModuleDbContext<MatchingDbContext>(Name);
        services.AddValidatedOptions<MatchingOptions>(configuration, MatchingOptions.Section);
        services.AddObjectStorage(configuration);
        services.AddObjectStore(CvStore.Area, o => o.CvStoragePath);
        services.AddSingleton<CvStore>();
        services.AddObjectStore(PhotoStore.Area, o => o.PhotoStoragePath);
        services.AddSingleton<PhotoStore>();
        // The address comes from outside (LinkedIn's claim): no redirects followed, a short timeout, and LinkedInPictures caps the body.
        services.AddHttpClient<LinkedInPictures>((sp, http) => http.Timeout = sp.GetRequiredService<IOptions<MatchingOptions>>().Value.LinkedInPictureTimeout)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddSingleton<MatchSnapshotCache>();
        services.AddHostedService<MatchSnapshotWarmUp>();
        services.AddHealthChecks().AddCheck<MatchSnapshotHealthCheck>(MatchSnapshotHealthCheck.Name, tags: ["ready"]);
        services.AddSingleton<CoachCardCache>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/matching").WithTags("Matching");
        // The quiz
        DescribeQuizEndpoint.Map(group);
        ViewMyQuizEndpoint.Map(group);
        SaveQuizDraftEndpoint.Map(group);
        SubmitQuizEndpoint.Map(group);
        // The CV
        UploadCvEndpoint.Map(group);
        ViewMyCvEndpoint.Map(group);
        DownloadCvEndpoint.Map(group);
        DeleteCvEndpoint.Map(group);
        GetCvReadingEndpoint.Map(group);
        CorrectCvReadingEndpoint.Map(group);
        ListSkillsEndpoint.Map(group);
        // The coach's profile and listings
        ViewMyCoachProfileEndpoint.Map(group);
        SaveCoachProfileEndpoint.Map(group);
        ListMyListingsEndpoint.Map(group);
        SaveListingEndpoint.Map(group);
        PublishListingEndpoint.Map(group);
        // The coach's photo
        ViewMyCoachPhotoEndpoint.Map(group);
        UploadCoachPhotoEndpoint.Map(group);
        UseLinkedInPhotoEndpoint.Map(group);
        RemoveCoachPhotoEndpoint.Map(group);
        ViewCoachPhotoEndpoint.Map(group);
        // The directory and the matches
        BrowseCoachesEndpoint.Map(group);
        ViewCoachEndpoint.Map(group);
        RankCoachesEndpoint.Map(group);
        // The release rule: what a coach sees, and who saw it
        ViewCoacheeQuizEndpoint.Map(group);
        DownloadCoacheeCvEndpoint.Map(group);
        ViewCoacheeCvReadingEndpoint.Map(group);
        ListDataAccessEndpoint.Map(group);
    }
}

using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace TechInterviewCoach.BuildingBlocks.Persistence;

/// <summary>
/// Keeps the Data Protection key ring in the platform database, so every instance can read the auth
/// cookies and the encrypted CVs of every other instance, and a restart loses nothing.
/// (Microsoft.AspNetCore.DataProtection.EntityFrameworkCore is not on the package mirror.)
/// </summary>
internal sealed class DbXmlRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        return db.DataProtectionKeys.AsEnumerable().Select(k => XElement.Parse(k.Xml)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}

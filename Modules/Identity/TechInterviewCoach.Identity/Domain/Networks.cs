using System.Net;
using System.Net.Sockets;

namespace TechInterviewCoach.Identity.Domain;

/// <summary>An approximate place for an address, from its network alone (no address database is shipped).</summary>
internal static class Networks
{
    public static string Describe(IPAddress? address)
    {
        if (address is null) return "unknown network";
        if (IPAddress.IsLoopback(address)) return "this computer";
        var bytes = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            if (bytes[0] == 10 || (bytes[0] == 172 && bytes[1] is >= 16 and <= 31) || (bytes[0] == 192 && bytes[1] == 168)
                || (bytes[0] == 169 && bytes[1] == 254) || (bytes[0] == 100 && bytes[1] is >= 64 and <= 127))
                return "a private network";
            return $"{bytes[0]}.{bytes[1]}.{bytes[2]}.0/24";
        }
        if (address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal) return "a private network";
        var prefix = new byte[16];
        Array.Copy(bytes, prefix, 6);
        return new IPAddress(prefix) + "/48";
    }
}

using System.Security.Cryptography;
using System.Text;
using Graph.Rdf;

namespace Graph.Sparql.Functions;

/// <summary>Hash functions (§17.4.6): the lower-case hex digest of the UTF-8 bytes of a simple or xsd:string literal.</summary>
internal static class HashFunctions
{
    public static void Register(Builtins.Registrar add)
    {
        add("MD5", 1, 1, (a, _) => Hash(a[0], "MD5", MD5.HashData));
        add("SHA1", 1, 1, (a, _) => Hash(a[0], "SHA1", SHA1.HashData));
        add("SHA256", 1, 1, (a, _) => Hash(a[0], "SHA256", SHA256.HashData));
        add("SHA384", 1, 1, (a, _) => Hash(a[0], "SHA384", SHA384.HashData));
        add("SHA512", 1, 1, (a, _) => Hash(a[0], "SHA512", SHA512.HashData));
    }

    private static LiteralNode Hash(INode n, string fn, Func<byte[], byte[]> hash) =>
        new(Convert.ToHexStringLower(hash(Encoding.UTF8.GetBytes(StringArgs.Simple(n, fn)))));
}

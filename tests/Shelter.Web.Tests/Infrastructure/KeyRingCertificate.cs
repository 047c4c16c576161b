using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Shelter.Web.Tests.Infrastructure;

/// <summary>A self-signed certificate for protecting a key ring, as ./run.sh makes one with openssl.</summary>
public static class KeyRingCertificate
{
    public static void Write(string path, string password)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Shelter key ring (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, password));
    }
}

using System.Text;
using GatewayPortal.Boards.Attachments;

namespace GatewayPortal.Boards.Tests;

public sealed class AttachmentPolicyTests
{
    private static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0];

    [Theory]
    [InlineData("계획.pdf", "%PDF-1.7 ...", "application/pdf")]
    [InlineData("공문.hwpx", "PK\u0003\u0004 ...", "application/hwp+zip")]
    [InlineData("표.XLSX", "PK\u0003\u0004 ...", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")] // extension case ignored
    [InlineData("메모.txt", "안녕하세요", "text/plain")]
    [InlineData("사진.gif", "GIF89a....", "image/gif")]
    [InlineData("C:\\Users\\kim\\자료.zip", "PK\u0003\u0004", "application/zip")] // IE sends a full path
    public void Check_AllowedKindWithMatchingContent_Accepted(string name, string content, string type)
    {
        // Act
        var problem = AttachmentPolicy.Check(new NoticeUpload(name, Encoding.Latin1.GetBytes(content)), out var contentType);

        // Assert
        Assert.Equal(AttachmentProblem.None, problem);
        Assert.Equal(type, contentType);
    }

    [Fact]
    public void Check_HwpWithOleSignature_Accepted()
    {
        // Act
        var problem = AttachmentPolicy.Check(new NoticeUpload("보고.hwp", Ole), out var contentType);

        // Assert
        Assert.Equal(AttachmentProblem.None, problem);
        Assert.Equal("application/x-hwp", contentType);
    }

    [Theory]
    [InlineData("page.html", "hi")] // HTML never
    [InlineData("page.htm", "hi")]
    [InlineData("logo.svg", "<svg/>")] // SVG never
    [InlineData("run.exe", "MZ")] // executables never
    [InlineData("run.bat", "echo")]
    [InlineData("noext", "x")]
    public void Check_DisallowedExtension_TypeNotAllowed(string name, string content)
    {
        // Act
        var problem = AttachmentPolicy.Check(new NoticeUpload(name, Encoding.ASCII.GetBytes(content)), out var contentType);

        // Assert
        Assert.Equal(AttachmentProblem.TypeNotAllowed, problem);
        Assert.Equal("application/octet-stream", contentType);
    }

    [Theory]
    [InlineData("문서.pdf", "MZ\u0090")] // an executable renamed
    [InlineData("사진.png", "<html>")] // markup renamed
    [InlineData("메모.txt", "<!DOCTYPE html><script>alert(1)</script>")] // HTML in a .txt
    [InlineData("메모.txt", "<svg onload=alert(1)>")]
    [InlineData("표.docx", "%PDF")] // wrong signature
    [InlineData("보고.hwp", "PK\u0003\u0004")] // HWP 5 is OLE, not ZIP
    public void Check_ContentNotMatchingExtension_ContentMismatch(string name, string content)
    {
        // Act
        var problem = AttachmentPolicy.Check(new NoticeUpload(name, Encoding.Latin1.GetBytes(content)), out _);

        // Assert
        Assert.Equal(AttachmentProblem.ContentMismatch, problem);
    }

    [Fact]
    public void Check_EmptyAndOversized_Refused()
    {
        // Arrange
        var big = new byte[AttachmentPolicy.MaxFileBytes + 1];
        "%PDF"u8.CopyTo(big);

        // Act / Assert
        Assert.Equal(AttachmentProblem.Empty, AttachmentPolicy.Check(new NoticeUpload("a.pdf", []), out _));
        Assert.Equal(AttachmentProblem.TooLarge, AttachmentPolicy.Check(new NoticeUpload("a.pdf", big), out _));
        Assert.Equal(AttachmentProblem.BadName, AttachmentPolicy.Check(new NoticeUpload("   ", [1]), out _));
    }

    [Theory]
    [InlineData("text/plain", "application/octet-stream")] // text could render: never served as text
    [InlineData("text/html", "application/octet-stream")] // not a stored type: octet-stream
    [InlineData("application/pdf", "application/pdf")]
    [InlineData("image/png", "image/png")]
    public void ServedContentType_RenderableTypes_AreOctetStream(string stored, string served) =>
        Assert.Equal(served, AttachmentPolicy.ServedContentType(stored));
}

using SonLa.Monitor.Collector.Notifications;

namespace SonLa.Monitor.Collector.Tests.Notifications;

public sealed class NotificationTextTests
{
    [Fact]
    public void TextStartingWithTheTitle_NotRepeated()
    {
        var message = NotificationText.Message(Notifications.LinkDown(), "vi", 4096);
        Assert.Equal(Notifications.LinkDown().TextVi, message);
    }

    [Fact]
    public void TextWithoutTheTitle_TitleThenBlankLineThenText()
    {
        var notification = Notifications.LinkDown() with { TextEn = "Device router." };
        Assert.Equal("Chiềng Cơi commune: link down since 14:35\n\nDevice router.", NotificationText.Message(notification, "en", 4096));
    }

    [Fact]
    public void TooLong_CutWithAnEllipsis_WithinTheLimit()
    {
        var notification = Notifications.LinkDown() with { TextVi = Notifications.LinkDown().TitleVi + new string('ạ', 5000) };
        var message = NotificationText.Message(notification, "vi", 2000);
        Assert.Equal(2000, message.Length);
        Assert.EndsWith("…", message, StringComparison.Ordinal);
    }

    [Fact]
    public void TooLong_NeverSplitsASurrogatePair()
    {
        var notification = Notifications.LinkDown() with { TitleVi = "T", TextVi = "T" + string.Concat(Enumerable.Repeat("😀", 100)) };
        var message = NotificationText.Message(notification, "vi", 10);
        Assert.False(char.IsHighSurrogate(message[^2]));
        Assert.True(message.Length <= 10);
    }
}

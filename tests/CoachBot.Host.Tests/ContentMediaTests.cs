using System.Net;
using System.Xml.Linq;
using CoachBot.Coaching.Programs;

namespace CoachBot.Host.Tests;

/// <summary>Every catalogue exercise's picture loads over HTTP with its content type and is a valid SVG; nothing else under content/ is served.</summary>
public sealed class ContentMediaTests
{
    [Fact]
    public async Task EveryCatalogueExercisePicture_IsServedAsSvg_AndParsesAsAnSvgDrawing()
    {
        await using var factory = HostFactory.WithMemoryStorage();
        using var client = factory.CreateClient();

        foreach (var exercise in ExerciseCatalog.All)
        {
            using var response = await client.GetAsync(new Uri($"/content/exercises/{exercise.Id}.svg", UriKind.Relative));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
            var svg = XDocument.Parse(await response.Content.ReadAsStringAsync());
            XNamespace ns = "http://www.w3.org/2000/svg";
            Assert.Equal(ns + "svg", svg.Root!.Name);
            Assert.False(string.IsNullOrWhiteSpace((string?)svg.Root.Attribute("viewBox")), exercise.Id);
            Assert.NotEmpty(svg.Root.Element(ns + "title")!.Value);
            Assert.True(svg.Descendants(ns + "polyline").Count() >= 3, exercise.Id + ": a figure has a body and limbs");
        }
    }

    [Theory]
    [InlineData("/content/messages/en.json")]
    [InlineData("/content/safety/red-flags.json")]
    [InlineData("/content/exercises/glute-bridge.json")]
    [InlineData("/content/exercises/no-such.svg")]
    [InlineData("/content/..%2Fappsettings.json")]
    [InlineData("/content/exercises/..%2F..%2Fsecret.svg")]
    public async Task OtherContent_AndPathsOutsideIt_AreNotServed(string path)
    {
        await using var factory = HostFactory.WithMemoryStorage();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

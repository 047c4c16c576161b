using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Xml.Linq;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shelter.Web.Infrastructure.Localization;
using Shelter.Web.Tests.Infrastructure;

namespace Shelter.Web.Tests.Foundation;

/// <summary>
/// A refused field says why in the reader's language: every validation attribute on a form names an English
/// resource (a bare [StringLength(256)] would say MVC's English sentence with the property's code name), and
/// what MVC itself says when a value cannot be read at all comes from the resources too.
/// </summary>
public class ValidationLocalizationTests
{
    private static readonly HashSet<string> English = XDocument.Load(Path.Combine(WebProject(), "Resources", "SharedResource.resx"))
        .Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();

    private static string WebProject()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Shelter.sln"))) return Path.Combine(dir.FullName, "src", "Shelter.Web");
        throw new DirectoryNotFoundException("Shelter.sln not found above the test output");
    }

    [Fact]
    public void Localization_every_validation_attribute_on_a_form_names_a_resource()
    {
        var attributes = typeof(SharedResource).Assembly.GetTypes()
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .SelectMany(p => p.GetCustomAttributes<ValidationAttribute>().Select(a => (Property: p, Attribute: a)))
            // MVC's own attributes; Shelter's (DayWithin) say a Said through ISayer. [DataType] only hints at an
            // input's type and never refuses anything; [EmailAddress] derives from it and does.
            .Where(x => x.Attribute.GetType().Namespace == typeof(ValidationAttribute).Namespace
                && x.Attribute.GetType() != typeof(DataTypeAttribute))
            .ToList();

        var gaps = attributes.Where(x => x.Attribute.ErrorMessage is not { } message || !English.Contains(message))
            .Select(x => $"{x.Property.DeclaringType!.Name}.{x.Property.Name}: [{x.Attribute.GetType().Name}] "
                + (x.Attribute.ErrorMessage ?? "has no ErrorMessage"))
            .ToList();

        Assert.True(attributes.Count > 40, $"only {attributes.Count} validation attributes found");
        Assert.True(gaps.Count == 0, "validation messages that are not resources:\n" + string.Join("\n", gaps));
    }

    [Fact]
    public void Localization_what_MVC_says_about_an_unreadable_value_is_in_the_reader_s_language()
    {
        using var app = new ShelterFactory(ShelterFactory.NewDataFolder(), demo: false);
        var messages = app.Services.GetRequiredService<IOptions<MvcOptions>>().Value.ModelBindingMessageProvider;
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            Assert.Equal("Enter a number.", messages.ValueMustBeANumberAccessor("Age"));
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ru");
            Assert.Equal("Введите число.", messages.ValueMustBeANumberAccessor("Age"));
            Assert.Equal("«abc» здесь не подходит.", messages.AttemptedValueIsInvalidAccessor("abc", "DateOfBirth"));
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("uk");
            Assert.Equal("Заповніть це поле.", messages.ValueMustNotBeNullAccessor("x"));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
        Assert.All(new[] { ModelBindingMessages.NotValid, ModelBindingMessages.Unknown, ModelBindingMessages.Number,
            ModelBindingMessages.Missing, ModelBindingMessages.EmptyForm }, key => Assert.Contains(key, English));
    }
}

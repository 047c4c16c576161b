using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Shelter.Web.Infrastructure.Localization;

/// <summary>
/// What MVC says when a value cannot be read at all (letters in a number field, an empty required value):
/// in the reader's language, and without the property's code name, because the message sits next to its field.
/// </summary>
public sealed class ModelBindingMessages(IStringLocalizerFactory factory) : IConfigureOptions<MvcOptions>
{
    public const string NotValid = "\"{0}\" is not valid here.";
    public const string Unknown = "This value is not valid.";
    public const string Number = "Enter a number.";
    public const string Missing = "Fill in this field.";
    public const string EmptyForm = "The form arrived empty. Send it again.";

    public void Configure(MvcOptions options)
    {
        var L = factory.Create(typeof(SharedResource));
        var m = options.ModelBindingMessageProvider;
        m.SetAttemptedValueIsInvalidAccessor((value, _) => L[NotValid, value]);
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => L[NotValid, value]);
        m.SetValueIsInvalidAccessor(value => L[NotValid, value]);
        m.SetUnknownValueIsInvalidAccessor(_ => L[Unknown]);
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => L[Unknown]);
        m.SetValueMustBeANumberAccessor(_ => L[Number]);
        m.SetNonPropertyValueMustBeANumberAccessor(() => L[Number]);
        m.SetMissingBindRequiredValueAccessor(_ => L[Missing]);
        m.SetMissingKeyOrValueAccessor(() => L[Missing]);
        m.SetValueMustNotBeNullAccessor(_ => L[Missing]);
        m.SetMissingRequestBodyRequiredValueAccessor(() => L[EmptyForm]);
    }
}

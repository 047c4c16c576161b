using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Shelter.Web.Infrastructure.Audit;
using Shelter.Web.Infrastructure.Auth;
using Shelter.Web.Infrastructure.Mvc;

namespace Shelter.Web.Features.Sites;

[Route("sites")]
[Authorize(Policy = Policies.Management)]
[ShowsNoResidentData]
public sealed class SitesController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] SiteDetails details, CancellationToken ct) =>
        View(await details.ListAsync(ct));

    [HttpGet("new")]
    public IActionResult Create() => View("Edit", new SiteForm());

    [HttpPost("new")]
    public Task<IActionResult> Create(SiteForm form, [FromServices] SaveSite save, CancellationToken ct) => Save(null, form, save, ct);

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Show(int id, [FromServices] SiteDetails details, CancellationToken ct) =>
        await details.LoadAsync(id, ct) is { } page ? View(page) : NotFound();

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, [FromServices] SaveSite save, CancellationToken ct)
    {
        ViewData["SiteId"] = id;
        return await save.LoadAsync(id, ct) is { } form ? View(form) : NotFound();
    }

    [HttpPost("{id:int}/edit")]
    public Task<IActionResult> Edit(int id, SiteForm form, [FromServices] SaveSite save, CancellationToken ct) => Save(id, form, save, ct);

    private async Task<IActionResult> Save(int? id, SiteForm form, SaveSite save, CancellationToken ct)
    {
        ViewData["SiteId"] = id;
        if (!ModelState.IsValid) return View("Edit", form);
        var outcome = await save.HandleAsync(id, form, ct);
        if (!outcome.Succeeded)
        {
            ModelState.AddModelError("", outcome.Error!);
            return View("Edit", form);
        }
        TempData["Notice"] = "The site is saved.";
        return Redirect($"/sites/{outcome.Value}");
    }

    [HttpPost("{id:int}/rooms")]
    public async Task<IActionResult> AddRoom(int id, RoomForm form, [FromServices] AddRoom add, CancellationToken ct)
    {
        var error = ModelState.IsValid ? (await add.HandleAsync(id, form, ct)).Error : ModelState.FirstError();
        this.Tell(error, "The room is added.");
        return Redirect($"/sites/{id}");
    }

    [HttpPost("{id:int}/counselling-rooms")]
    public async Task<IActionResult> AddCounsellingRoom(int id, string? name, [FromServices] AddRoom add, CancellationToken ct)
    {
        this.Tell((await add.AddCounsellingRoomAsync(id, name, ct)).Error, "The counselling room is added.");
        return Redirect($"/sites/{id}");
    }

    [HttpPost("{id:int}/rooms/{roomId:int}/beds")]
    public async Task<IActionResult> AddBeds(int id, int roomId, int count, [FromServices] AddRoom add, CancellationToken ct)
    {
        this.Tell((await add.AddBedsAsync(id, roomId, count, ct)).Error, "The beds are added.");
        return Redirect($"/sites/{id}");
    }

    [HttpGet("{id:int}/beds/{bedId:int}/out-of-service")]
    public async Task<IActionResult> OutOfService(int id, int bedId, [FromServices] PutOutOfService put, [FromServices] TimeProvider clock,
        CancellationToken ct)
    {
        var bed = await put.FindBedAsync(id, bedId, ct);
        if (bed is null) return NotFound();
        ViewData["Bed"] = bed;
        return View(new OutOfServiceForm { From = Core.Sites.SiteTime.Today(bed.Room.Site.TimeZoneId, clock.GetUtcNow().UtcDateTime) });
    }

    [HttpPost("{id:int}/beds/{bedId:int}/out-of-service")]
    public async Task<IActionResult> OutOfService(int id, int bedId, OutOfServiceForm form, [FromServices] PutOutOfService put,
        [FromServices] IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        var bed = await put.FindBedAsync(id, bedId, ct);
        if (bed is null)
        {
            TempData["Error"] = "That bed is not at this site.";
            return Redirect($"/sites/{id}");
        }
        ViewData["Bed"] = bed;
        if (!ModelState.IsValid) return View(form);
        if ((await put.HandleAsync(id, bedId, form, ct)).Error is { } error)
        {
            ModelState.AddModelError("", error);
            return View(form);
        }
        TempData["Notice"] = L["Bed {0} is out of service.", bed.Label].Value;
        return Redirect($"/sites/{id}");
    }

    [HttpPost("{id:int}/out-of-service/{recordId:int}/end")]
    public async Task<IActionResult> BackInService(int id, int recordId, [FromServices] PutOutOfService put, CancellationToken ct)
    {
        this.Tell((await put.BackInServiceAsync(id, recordId, ct)).Error, "The bed is back in service.");
        return Redirect($"/sites/{id}");
    }

}

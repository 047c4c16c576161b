using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Shelter.Web.Infrastructure.Audit;
using Shelter.Web.Infrastructure.Auth;
using Shelter.Web.Infrastructure.Caching;

namespace Shelter.Web.Features.Home;

public sealed class HomeController : Controller
{
    [ShowsNoResidentData] // counts only
    [KeptPerWorker]
    [HttpGet("/")]
    [Authorize(Policy = Policies.SignedIn)]
    public async Task<IActionResult> Index([FromServices] Dashboard dashboard, CancellationToken ct) =>
        View(await dashboard.HandleAsync(User, ct));
}

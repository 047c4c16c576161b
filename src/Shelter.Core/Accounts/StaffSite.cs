using Shelter.Core.Sites;

namespace Shelter.Core.Accounts;

/// <summary>
/// A site a case manager or social worker works at. She reaches the residents housed there and
/// no others: a woman's record is need-to-know even inside the organisation.
/// </summary>
public class StaffSite
{
    public required string UserId { get; set; }
    public int SiteId { get; set; }
    public Site Site { get; set; } = null!;
}

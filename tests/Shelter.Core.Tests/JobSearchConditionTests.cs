using Shelter.Core.Employment;

namespace Shelter.Core.Tests;

/// <summary>The conditions of a stay are written in the worker's language; a job search asked for counts in any of them.</summary>
public class JobSearchConditionTests
{
    [Theory]
    [InlineData("One month. Register with the employment service and look for a job.", true)]
    [InlineData("Месяц. Встать на учёт в центре занятости и искать работу.", true)]
    [InlineData("Місяць. Стати на облік і шукати роботу.", true)]
    [InlineData("Сприяння працевлаштуванню", true)]
    [InlineData("Attend counselling weekly.", false)]
    [InlineData("Посещать консультации раз в неделю.", false)]
    [InlineData(null, false)]
    public void A_job_search_is_a_condition_when_her_stays_conditions_ask_for_one(string? conditions, bool asked) =>
        Assert.Equal(asked, JobSearchCondition.AskedFor(conditions));
}

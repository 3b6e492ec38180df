using Graph.News;

namespace Graph.News.Tests;

[TestClass]
public sealed class DateRecognizerTests
{
    private static DateExpression One(string text, string published, bool future = false)
    {
        var (tokens, sentences) = Tokenizer.Tokenize(NormalizedText.Of(text).Text);
        var found = DateRecognizer.Find(tokens, 0, tokens.Count, DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture), _ => future);
        Assert.AreEqual(1, found.Count, "expected one date in: " + text);
        return found[0];
    }

    private static void Interval(string text, string published, string earliest, string latest, DateKind kind)
    {
        var d = One(text, published);
        Assert.AreEqual(kind, d.Kind, text);
        Assert.AreEqual(earliest, d.Earliest.ToString("yyyy-MM-dd"), text);
        Assert.AreEqual(latest, d.Latest.ToString("yyyy-MM-dd"), text);
    }

    [TestMethod]
    public void LevantineEgyptianAndMaghrebiMonthsAreRead()
    {
        Interval("عقد اللقاء في 3 شباط 2021", "2021-06-01", "2021-02-03", "2021-02-03", DateKind.Day);
        Interval("عقد اللقاء في 3 فبراير 2021", "2021-06-01", "2021-02-03", "2021-02-03", DateKind.Day);
        Interval("عقد اللقاء في 12 جوان 2019", "2021-06-01", "2019-06-12", "2019-06-12", DateKind.Day);
        Interval("عقد اللقاء في 7 جويلية 2018", "2021-06-01", "2018-07-07", "2018-07-07", DateKind.Day);
        Interval("عقد اللقاء في 30 شتنبر 2020", "2021-06-01", "2020-09-30", "2020-09-30", DateKind.Day);
        Interval("عقد اللقاء في 5 تشرين الأول 2020", "2021-06-01", "2020-10-05", "2020-10-05", DateKind.Day);
    }

    [TestMethod]
    public void CombinedMonthNamesCountOnce()
    {
        Interval("وصل الوفد في 9 كانون الثاني/يناير 2023", "2023-03-01", "2023-01-09", "2023-01-09", DateKind.Day);
        Interval("وصل الوفد في 9 أيار (مايو) 2023", "2023-03-01", "2023-05-09", "2023-05-09", DateKind.Day);
    }

    [TestMethod]
    public void PairsAndRangesOfDaysKeepBothDays()
    {
        Interval("يلتقي الطرفان يومي 8 و9 تموز المقبل", "2021-05-10", "2021-07-08", "2021-07-09", DateKind.DayPair);
        Interval("في الفترة بين 22 و23 أيار", "2021-05-01", "2021-05-22", "2021-05-23", DateKind.DayPair);
        Interval("يومي الرابع والخامس من آب الماضي", "2021-10-01", "2021-08-04", "2021-08-05", DateKind.DayPair);
    }

    [TestMethod]
    public void OrdinalDayWordsAreDays()
    {
        Interval("في الحادي والعشرين من كانون الأول 2019", "2020-02-01", "2019-12-21", "2019-12-21", DateKind.Day);
        Interval("في الثلاثين من نيسان الماضي", "2020-06-01", "2020-04-30", "2020-04-30", DateKind.Day);
    }

    [TestMethod]
    public void PartsOfAMonthFollowTheConventions()
    {
        Interval("مطلع آذار المقبل", "2020-01-15", "2020-03-01", "2020-03-10", DateKind.PartOfMonth);
        Interval("أوائل آذار المقبل", "2020-01-15", "2020-03-01", "2020-03-10", DateKind.PartOfMonth);
        Interval("منتصف الشهر الجاري", "2020-01-15", "2020-01-11", "2020-01-20", DateKind.PartOfMonth);
        Interval("أواخر أيلول الماضي", "2020-01-15", "2019-09-21", "2019-09-30", DateKind.PartOfMonth);
        Interval("نهاية شباط 2024", "2023-01-15", "2024-02-21", "2024-02-29", DateKind.PartOfMonth);
    }

    [TestMethod]
    public void MonthsWithoutAYearResolveAgainstPublication()
    {
        // «الماضي» is the latest occurrence before the publication month, «المقبل» the next one after it.
        Interval("في حزيران الماضي", "2022-06-20", "2021-06-01", "2021-06-30", DateKind.Month);
        Interval("في حزيران المقبل", "2022-06-20", "2023-06-01", "2023-06-30", DateKind.Month);
        Interval("في حزيران الجاري", "2022-06-20", "2022-06-01", "2022-06-30", DateKind.Month);
        // A bare month is the occurrence nearest to the publication date.
        Interval("في كانون الثاني", "2022-12-20", "2023-01-01", "2023-01-31", DateKind.Month);
    }

    [TestMethod]
    public void RelativeDaysResolveAgainstPublication()
    {
        Interval("انطلقت اليوم الخميس", "2021-07-08", "2021-07-08", "2021-07-08", DateKind.Day);
        Interval("وصل أمس الأربعاء", "2021-07-08", "2021-07-07", "2021-07-07", DateKind.Day);
        Interval("تختتم غداً", "2021-07-08", "2021-07-09", "2021-07-09", DateKind.Day);
        Interval("تختتم يوم غد", "2021-07-08", "2021-07-09", "2021-07-09", DateKind.Day);
        Interval("بدأت مساء أمس", "2021-07-08", "2021-07-07", "2021-07-07", DateKind.Day);
    }

    [TestMethod]
    public void AWeekdayIsBeforePublicationForAPastVerbAndAfterForAFutureOne()
    {
        // 2021-03-03 is a Wednesday.
        Assert.AreEqual(new DateOnly(2021, 2, 28), One("التقى الوفدان الأحد", "2021-03-03").Earliest);
        Assert.AreEqual(new DateOnly(2021, 3, 7), One("سيلتقي الوفدان الأحد", "2021-03-03", future: true).Earliest);
        Assert.AreEqual(new DateOnly(2021, 3, 8), One("يبدأ الاجتماع الإثنين المقبل", "2021-03-03").Earliest);
    }

    [TestMethod]
    public void YearsAndPartsOfYears()
    {
        Interval("النصف الأول من العام المقبل", "2021-03-03", "2022-01-01", "2022-06-30", DateKind.PartOfYear);
        Interval("النصف الثاني من عام 2020", "2021-03-03", "2020-07-01", "2020-12-31", DateKind.PartOfYear);
        Interval("قبل نهاية العام", "2021-03-03", "2021-03-03", "2021-12-31", DateKind.Open);
        Interval("بعد العشرين من ديسمبر", "2021-11-03", "2021-12-21", "2021-12-31", DateKind.Open);
        Interval("خلال عام 2018", "2021-03-03", "2018-01-01", "2018-12-31", DateKind.Year);
    }

    [TestMethod]
    public void EasternArabicDigitsAreRead()
    {
        Interval("في ١٥ حزيران ٢٠٢٢", "2022-11-01", "2022-06-15", "2022-06-15", DateKind.Day);
    }

    [TestMethod]
    public void MonthNamesThatAreCommonWordsNeedADayOrAYear()
    {
        var (tokens, _) = Tokenizer.Tokenize(NormalizedText.Of("وزار الأب آب المدينة").Text);
        Assert.AreEqual(0, DateRecognizer.Find(tokens, 0, tokens.Count, new DateOnly(2020, 1, 1), _ => false).Count);
        Interval("في 4 آب 2020", "2021-01-01", "2020-08-04", "2020-08-04", DateKind.Day);
    }
}

namespace Graph.News.Tests;

/// <summary>Hijri dates (Umm al-Qura) and dates written in two calendars.</summary>
[TestClass]
public sealed class HijriDateTests
{
    private static List<DateExpression> All(string text, string published)
    {
        var (tokens, _) = Tokenizer.Tokenize(NormalizedText.Of(text).Text);
        return DateRecognizer.Find(tokens, 0, tokens.Count, DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture), _ => false);
    }

    private static DateExpression One(string text, string published)
    {
        var found = All(text, published);
        Assert.AreEqual(1, found.Count, "expected one date in: " + text);
        return found[0];
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    // Reference days: Eid al-Fitr 1444 (1 Shawwal) was Friday 21 April 2023 and Eid al-Adha 1444 (10 Dhu al-Hijja)
    // Wednesday 28 June 2023 in Saudi Arabia; 1 Ramadan 1445 was Monday 11 March 2024.
    [TestMethod]
    public void AHijriDayWithItsYearIsConvertedToGregorian()
    {
        Assert.AreEqual("2023-04-21", Iso(One("احتفل السوريون بالعيد في الأول من شوال 1444 هـ", "2023-05-01").Earliest));
        Assert.AreEqual("2023-06-28", Iso(One("وصل الوفد في 10 ذي الحجة 1444هـ", "2023-07-01").Earliest));
        Assert.AreEqual("2024-03-11", Iso(One("بدأ الصيام في 1 رمضان 1445 للهجرة", "2024-03-20").Earliest));
        Assert.AreEqual(DateKind.Day, One("في 10 ذو الحجة 1444 هـ", "2023-07-01").Kind);
    }

    [TestMethod]
    public void TwoWordMonthsAndAPairOfHijriDaysAreRead()
    {
        var d = One("تعقد الاجتماعات يومي 9 و10 ذي الحجة 1444 هـ", "2023-06-01");
        Assert.AreEqual(DateKind.DayPair, d.Kind);
        Assert.AreEqual("2023-06-27", Iso(d.Days[0]));
        Assert.AreEqual("2023-06-28", Iso(d.Days[1]));
    }

    [TestMethod]
    public void AHijriMonthAloneIsAnInterval()
    {
        var d = One("يتوقع أن يعقد اللقاء في شهر رمضان 1445 هـ", "2024-01-10");
        Assert.AreEqual(DateKind.Month, d.Kind);
        Assert.AreEqual("2024-03-11", Iso(d.Earliest));
        Assert.AreEqual("2024-04-09", Iso(d.Latest));
    }

    [TestMethod]
    public void MonthNamesThatAreAlsoWordsOrNamesNeedAHijriYear()
    {
        Assert.AreEqual(0, All("التقى الوزير رجب طيب أردوغان في 3 رمضان بعد جولة صفر النتائج", "2023-04-01").Count(d => d.Hijri));
        Assert.AreEqual(0, All("انخفض المؤشر إلى صفر 2023", "2023-04-01").Count);
    }

    [TestMethod]
    public void ADayGivenInBothCalendarsIsOneDate()
    {
        var d = One("انطلقت الجولة يوم 28 ربيع الآخر 1444 هـ الموافق 22 تشرين الثاني 2022م", "2022-11-22");
        Assert.AreEqual("2022-11-22", Iso(d.Earliest));
        Assert.AreEqual("2022-11-22", Iso(d.Latest));
        var g = One("انطلقت الجولة في 22 نوفمبر 2022 (28 ربيع الآخر 1444هـ)", "2022-11-22");
        Assert.AreEqual("2022-11-22", Iso(g.Earliest));
    }

    [TestMethod]
    public void WhenTheCalendarsDisagreeByADayTheGregorianDayIsKept()
    {
        // Local moon sighting may start a Hijri month a day before or after the Umm al-Qura tables.
        var d = One("عقد الاجتماع في 21 شوال 1444 هـ الموافق 12 أيار 2023", "2023-05-12");
        Assert.AreEqual("2023-05-12", Iso(d.Earliest));
    }

    [TestMethod]
    public void AWeekdayBeforeAStatedDayIsThatDay()
    {
        var d = One("وصل الوفد الثلاثاء 22 تشرين الثاني", "2022-11-25");
        Assert.AreEqual("2022-11-22", Iso(d.Earliest));
        Assert.AreEqual(DateKind.Day, d.Kind);
    }

    [TestMethod]
    public void ARoundDatedInBothCalendarsHasOneStartAndEnd()
    {
        var f = TestGazetteer.Extract(
            "انطلقت في أستانا يومي 5 و6 ذي الحجة 1444 هـ، الموافق 23 و24 حزيران 2023، الجولة الحادية والعشرون من محادثات أستانا.", "2023-06-23");
        Assert.AreEqual("2023-06-23", f.RoundValue(21, "startDate"));
        Assert.AreEqual("2023-06-24", f.RoundValue(21, "endDate"));
        Assert.AreEqual("2023-06-23", f.RoundValue(21, "earliestDate"));
        Assert.AreEqual("2023-06-24", f.RoundValue(21, "latestDate"));
    }
}

/// <summary>Days counted two away from publication.</summary>
[TestClass]
public sealed class TwoDaysAwayTests
{
    private static DateExpression One(string text, string published)
    {
        var (tokens, _) = Tokenizer.Tokenize(NormalizedText.Of(text).Text);
        var found = DateRecognizer.Find(tokens, 0, tokens.Count, DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture), _ => true);
        Assert.AreEqual(1, found.Count, text);
        return found[0];
    }

    [TestMethod]
    public void TheDayAfterTomorrowIsTwoDaysAfterPublication()
    {
        Assert.AreEqual(new DateOnly(2018, 7, 30), One("تنطلق بعد غد الإثنين الجولة", "2018-07-28").Earliest);
        Assert.AreEqual(new DateOnly(2018, 7, 30), One("تنطلق بعد غد الجولة", "2018-07-28").Earliest);
    }

    [TestMethod]
    public void TheDayBeforeYesterdayIsTwoDaysBeforePublication() =>
        Assert.AreEqual(new DateOnly(2018, 7, 26), One("انتهت أول أمس الجولة", "2018-07-28").Earliest);
}

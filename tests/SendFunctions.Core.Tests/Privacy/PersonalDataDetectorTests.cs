using SendFunctions.Core.Configuration;
using SendFunctions.Core.Privacy;

namespace SendFunctions.Core.Tests.Privacy;

/// <summary>Each detector's rule (docs/privacy.md) on its own: what it catches, and the look-alikes it lets pass.</summary>
public sealed class PersonalDataDetectorTests
{
    private static readonly PersonalDataPolicy Policy = new(new PersonalDataSettings(), [.. PersonalDataPolicy.PublicSectorDomains, "wirral.gov.uk", "wirralct.nhs.uk"]);

    [Theory]
    [InlineData("Child's NHS number 9434765919 referred to panel")]
    [InlineData("NHS no. 943 476 5919")]
    [InlineData("NHS: 943-476-5919.")]
    [InlineData("(4010232137)")]
    [InlineData("ref 450 557 7104, see notes")]
    [InlineData("Born 2015 943 476 5919")]
    [InlineData("NHS ９４３４７６５９１９ in full-width digits")]
    [InlineData("hidden 943\u200B476\u200B5919 by zero-width spaces")]
    public void Find_NhsNumberWithValidCheckDigit_IsFound(string text) =>
        Assert.Contains(PersonalDataKind.NhsNumber, PersonalDataDetector.KindsIn(text, Policy));

    [Theory]
    [InlineData("Contract 4857773456 signed")] // check digit fails
    [InlineData("Contract 1234567890 signed")] // check digit would be 10: no such number
    [InlineData("PO 654 123 7890")]
    [InlineData("Placeholder 0000000000")] // passes the arithmetic, never issued
    [InlineData("Budget £9434765919.50")] // a decimal
    [InlineData("Total 9,434,765,919")]
    [InlineData("Ref CT9434765919")] // run into letters: a reference
    [InlineData("Order 94347659190")] // eleven digits
    [InlineData("94 34 76 59 19")] // not the NHS grouping
    [InlineData("Call 0151 666 4000")]
    public void Find_NhsLookAlike_IsNotAnNhsNumber(string text) =>
        Assert.DoesNotContain(PersonalDataKind.NhsNumber, PersonalDataDetector.KindsIn(text, Policy));

    [Theory]
    [InlineData("DOB 12/03/2015")]
    [InlineData("dob: 12/03/15")]
    [InlineData("D.O.B. 1.3.2015")]
    [InlineData("D.O.B.: 2015-03-12")]
    [InlineData("date of birth 12 March 2015")]
    [InlineData("Date of Birth: 12th Mar 2015")]
    [InlineData("birthdate March 12, 2015")]
    [InlineData("born on 3rd March 2015 in Wirral")]
    [InlineData("Born 03-03-2015")]
    [InlineData("12/03/2015 (DOB)")]
    [InlineData("child aged 9, 12/03/2015")]
    [InlineData("12/03/2015 (aged 9 years)")]
    public void Find_DateBesideBirthWords_IsADateOfBirth(string text) =>
        Assert.Contains(PersonalDataKind.DateOfBirth, PersonalDataDetector.KindsIn(text, Policy));

    [Theory]
    [InlineData("Met on 12/03/2025 with the Parent Carer Forum")]
    [InlineData("Panel agreed 12 March 2025; next review 01/04/2025")]
    [InlineData("Young people aged 16 to 25 were consulted on 12/03/2025")]
    [InlineData("Hub born out of the 2023 review; launched 12/03/2025")] // "born" with no date beside it
    [InlineData("Stubborn delays since 12/03/2025")]
    [InlineData("newborn hearing screening from 01/04/2025")]
    [InlineData("Adobe licence renewed 12/03/2025")]
    [InlineData("DOB field added to the form in March 2025")] // no full date
    [InlineData("born 45/67/2015")] // not a date
    public void Find_MeetingDateOrBirthWordAlone_IsNotADateOfBirth(string text) =>
        Assert.DoesNotContain(PersonalDataKind.DateOfBirth, PersonalDataDetector.KindsIn(text, Policy));

    [Theory]
    [InlineData("Jane Smith, 12 Acacia Avenue, Birkenhead CH41 5AB")]
    [InlineData("Home visit to Mrs Jones at CH43 7XY")]
    [InlineData("Dr A. Patel (ch44 8ed)")]
    [InlineData("Family of Tomasz Nowak-Kowalski, CH41 5AB")]
    [InlineData("Lives at CH41 5AB with Sean O'Brien")]
    [InlineData("Seen J. McDonald CH415AB")]
    [InlineData("Referral for Amelia Jones, DOB withheld, postcode SW1A 1AA")]
    public void Find_NameBesidePostcode_IsFound(string text) =>
        Assert.Contains(PersonalDataKind.NameAndPostcode, PersonalDataDetector.KindsIn(text, Policy));

    [Theory]
    [InlineData("Ward 3, Arrowe Park Hospital, CH49 5PE")]
    [InlineData("New hub opened at Birkenhead Town Hall, Hamilton Street, CH41 5BR")]
    [InlineData("Office moved to CH41 5AB")]
    [InlineData("Clinics in CH41 and CH43 areas")] // outward codes only
    [InlineData("Jane Smith chaired the Board. The new hub is at CH41 5AB")] // another sentence
    [InlineData("Jane Smith agreed the plan and the training programme for all schools in the borough, held at CH41 5AB")] // too far
    [InlineData("SEND Team, Wallasey Town Hall, Brighton Street CH44 8ED")]
    [InlineData("The EHCP Hub, CH41 5AB")]
    public void Find_PostcodeWithNoNameBeside_IsNotFound(string text) =>
        Assert.DoesNotContain(PersonalDataKind.NameAndPostcode, PersonalDataDetector.KindsIn(text, Policy));

    [Theory]
    [InlineData("Parent emailed jane.parent@gmail.com")]
    [InlineData("Contact: J.Smith+send@Outlook.co.uk.")]
    [InlineData("cc mum123@notgov.uk")] // not a subdomain of gov.uk
    [InlineData("from someone@wirral.gov.uk.evil.com")]
    public void Find_AddressOutsideStaffDomains_IsFound(string text) =>
        Assert.Contains(PersonalDataKind.Email, PersonalDataDetector.KindsIn(text, Policy));

    [Theory]
    [InlineData("Agreed with send.pmo@wirral.gov.uk")]
    [InlineData("Sent to the clerk (clerk@WIRRAL.GOV.UK)")]
    [InlineData("Referrals to cwp.send@nhs.net")]
    [InlineData("Head of St Mary's, head@stmarys.wirral.sch.uk")] // a subdomain of an allowed domain
    [InlineData("Trust lead: lead@wirralct.nhs.uk")]
    [InlineData("Feedback via the @WirralSEND account")]
    public void Find_StaffAddress_IsNotFound(string text) =>
        Assert.DoesNotContain(PersonalDataKind.Email, PersonalDataDetector.KindsIn(text, Policy));

    [Theory]
    [InlineData("Mum's mobile 07700 900123")]
    [InlineData("call 07700900123")]
    [InlineData("07700-900-123")]
    [InlineData("tel +44 7700 900123")]
    [InlineData("tel +447700900123")]
    [InlineData("tel +44 (0)7700 900123")]
    [InlineData("tel 0044 7700 900123")]
    public void Find_UkMobile_IsFound(string text) =>
        Assert.Contains(PersonalDataKind.Mobile, PersonalDataDetector.KindsIn(text, Policy));

    [Theory]
    [InlineData("SEND helpline 0151 666 4000")]
    [InlineData("Office 01632 960001")]
    [InlineData("Call 0300 123 4567")]
    [InlineData("Ref 0770090012")] // ten digits
    [InlineData("Budget 077,009,001,230")]
    [InlineData("Rate 0.7700900123")]
    [InlineData("+44 151 666 4000")]
    public void Find_LandlineOrOtherNumber_IsNotAMobile(string text) =>
        Assert.DoesNotContain(PersonalDataKind.Mobile, PersonalDataDetector.KindsIn(text, Policy));

    [Fact]
    public void Find_AllKindsInOneCell_AreEachFoundOnce()
    {
        var text = "Amelia Jones, DOB 12/03/2015, NHS 943 476 5919, CH43 7XY, mum on 07700 900123 or a.jones@gmail.com; also 943 476 5919";

        Assert.Equal(PersonalDataKinds.All, PersonalDataDetector.KindsIn(text, Policy));
    }

    [Fact]
    public void Find_DetectorOff_DoesNotLook()
    {
        var policy = new PersonalDataPolicy(new PersonalDataSettings(NhsNumber: DetectorSetting.Off), PersonalDataPolicy.PublicSectorDomains);

        Assert.Empty(PersonalDataDetector.KindsIn("NHS 943 476 5919", policy));
    }

    [Fact]
    public void Find_HostileText_IsHandledWithoutThrowing()
    {
        string[] texts =
        [
            new string('9', 100_000),
            string.Concat(Enumerable.Repeat("943 ", 25_000)),
            string.Concat(Enumerable.Repeat("a@", 25_000)) + "b.c",
            string.Concat(Enumerable.Repeat("Jane ", 20_000)) + "CH41 5AB",
            "\uD800 lone surrogate 943 476 5919 \uDC00\uFFFE\uFFFF\u202E",
        ];

        foreach (var text in texts)
        {
            _ = PersonalDataDetector.KindsIn(text, Policy);
        }

        Assert.Equal([PersonalDataKind.NhsNumber], PersonalDataDetector.KindsIn(texts[^1], Policy));
    }

    /// <summary>Every spelling of the DOB keyword the patterns accept, in every case, with a date: found, so never skipped by the pre-check.</summary>
    [Fact]
    public void Find_EveryFormOfDobBesideADate_IsFoundPastThePreCheck()
    {
        string[] stops = [string.Empty, "."];
        string[] spaces = [string.Empty, " ", "\t"];
        var forms = from d in (string[])["d", "D"]
                    from o in (string[])["o", "O"]
                    from b in (string[])["b", "B"]
                    from stop1 in stops
                    from space1 in spaces
                    from stop2 in stops
                    from space2 in spaces
                    select d + stop1 + space1 + o + stop2 + space2 + b;
        Assert.All(forms, form => Assert.Contains(PersonalDataKind.DateOfBirth, PersonalDataDetector.KindsIn($"Child {form} 12/03/2015 placed", Policy)));
    }

    [Theory]
    [InlineData("Reviewed on 12/03/2025 by the panel", false)]
    [InlineData("Date of Birth 12/03/2015", true)]
    [InlineData("BIRTHDATE 12/03/2015", true)]
    [InlineData("AGED 9, 12/03/2015", true)]
    [InlineData("Reborn project 12/03/2025", true)]
    [InlineData("d.o.b", true)]
    [InlineData("do. b", true)]
    [InlineData("d..o b", false)]
    public void MayHoldKeyword_Text_IsTrueWheneverAPatternCouldMatch(string text, bool expected) =>
        Assert.Equal(expected, BirthDates.MayHoldKeyword(text));

    [Theory]
    [InlineData("Amelia Jones, CH41 5AB", true)]
    [InlineData("amelia jones ch415ab", true)]
    [InlineData("Amelia Jones lives at SW1A 1AA.", true)]
    [InlineData("EHCPs issued within 20 weeks, measure 12345", false)]
    [InlineData("Room 5ABC", false)]
    [InlineData("Unit 2B", false)]
    public void MayHoldInwardCode_Text_IsTrueWheneverAPostcodeCouldEndThere(string text, bool expected) =>
        Assert.Equal(expected, PersonalDataDetector.MayHoldInwardCode(text));
}

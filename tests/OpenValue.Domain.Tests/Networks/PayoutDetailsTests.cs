using NodaTime;
using OpenValue.Domain.Networks;

namespace OpenValue.Domain.Tests.Networks;

public class PayoutDetailsTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 1, 9, 30);
    private static readonly Guid NetworkId = Guid.Parse("0197a000-0000-7000-8000-000000000001");
    private static readonly Guid Ada = Guid.Parse("0197a000-0000-7000-8000-0000000000a1");
    private static readonly Guid Dee = Guid.Parse("0197a000-0000-7000-8000-0000000000d4");
    private static readonly Network Makers = new(NetworkId, "Makers", "EUR");
    private static readonly NetworkMember DeeMember = new(Dee, "Dee", StakeholderClass.Labour, [Role.Contributor]);

    private static object[] Set(string? iban = null, string? bic = null, string? reference = null, Guid? by = null,
        NetworkMember? member = null) =>
        PayoutDetails.Decide(
            new SetPayoutDetails(Dee, iban, bic, reference, by ?? Dee), Makers, member ?? DeeMember, Now);

    private static RuleViolation Refused(Func<object> decide) => decide.Should().Throw<RuleViolation>().Which;

    // The registry's own examples, with and without the spaces people write them with.
    [Theory]
    [InlineData("DE89 3704 0044 0532 0130 00", "DE89370400440532013000")]
    [InlineData("GB82WEST12345698765432", "GB82WEST12345698765432")]
    [InlineData("fr14 2004 1010 0505 0001 3m02 606", "FR1420041010050500013M02606")]
    [InlineData("NL91 ABNA 0417 1643 00", "NL91ABNA0417164300")]
    [InlineData("BE68539007547034", "BE68539007547034")]
    [InlineData("CH93 0076 2011 6238 5295 7", "CH9300762011623852957")]
    [InlineData("NO93 8601 1117 947", "NO9386011117947")]
    [InlineData("IT60X0542811101000000123456", "IT60X0542811101000000123456")]
    [InlineData("ES91 2100 0418 4502 0005 1332", "ES9121000418450200051332")]
    public void Valid_IBANs_of_several_countries_are_kept_without_spaces(string typed, string kept) =>
        Iban.Parse(typed, "iban").Should().Be(kept);

    [Theory]
    [InlineData("DE89 3704 0044 0532 0130 0!", "characters")]
    [InlineData("1E89370400440532013000", "characters")]
    [InlineData("DEXX370400440532013000", "characters")]
    [InlineData("DE8", "characters")]
    [InlineData("ZZ89370400440532013000", "country")]
    [InlineData("DE89 3704 0044 0532 0130 0", "length")]
    [InlineData("DE89 3704 0044 0532 0130 000", "length")]
    [InlineData("DE89 3704 0044 0532 0130 01", "checksum")]
    [InlineData("DE98 3704 0044 0532 0130 00", "checksum")]
    public void Each_failed_check_is_named(string typed, string check)
    {
        var refusal = Refused(() => Iban.Parse(typed, "iban"));
        (refusal.Kind, refusal.Code, refusal.Field).Should().Be((RefusalKind.Invalid, "invalid-iban", "iban"));
        refusal.Details["check"].Should().Be(check);
    }

    [Fact]
    public void Mod_97_of_a_valid_IBAN_is_one()
    {
        // DE89370400440532013000 rearranged: 370400440532013000 DE89 → 370400440532013000131489, whose remainder
        // on division by 97 is 1 (ISO 7064 mod 97-10). One more in the BBAN's last digit adds 10^6 (six digits
        // follow it), and 10^6 mod 97 = 27 (100 ≡ 3, so 10^6 ≡ 3³ = 27): the remainder becomes 1 + 27 = 28.
        Iban.Mod97("DE89370400440532013000").Should().Be(1);
        Iban.Mod97("DE89370400440532013001").Should().Be(28);
    }

    [Theory]
    [InlineData("COBADEFFXXX", "COBADEFFXXX")]
    [InlineData("cobadeff", "COBADEFF")]
    [InlineData("DEUT DE DB FRA", "DEUTDEDBFRA")]
    public void A_BIC_of_8_or_11_characters_is_kept(string typed, string kept) =>
        Bic.Parse(typed, "bic").Should().Be(kept);

    [Theory]
    [InlineData("COBADEF")]
    [InlineData("COBADEFFXX")]
    [InlineData("C0BADEFFXXX")]
    [InlineData("COBAD3FFXXX")]
    [InlineData("COBADEFF-XX")]
    public void A_BIC_of_the_wrong_shape_is_refused(string typed) =>
        Refused(() => Bic.Parse(typed, "bic")).Code.Should().Be("invalid-bic");

    [Fact]
    public void A_member_sets_an_IBAN_with_a_BIC()
    {
        Set(iban: "DE89 3704 0044 0532 0130 00", bic: "cobadeffxxx").Should().BeEquivalentTo(new object[]
        {
            new MemberPayoutDetailsSet(NetworkId, Dee, "DE89370400440532013000", "COBADEFFXXX", null, Dee, Now),
        }, o => o.RespectingRuntimeTypes());
    }

    [Fact]
    public void A_member_sets_an_account_reference()
    {
        Set(reference: " PayPal dee@example.org ").Should().BeEquivalentTo(new object[]
        {
            new MemberPayoutDetailsSet(NetworkId, Dee, null, null, "PayPal dee@example.org", Dee, Now),
        }, o => o.RespectingRuntimeTypes());
    }

    [Fact]
    public void Both_an_IBAN_and_an_account_reference_or_neither_are_refused()
    {
        Refused(() => Set(iban: "DE89370400440532013000", reference: "PayPal"))
            .Code.Should().Be("invalid-accountReference");
        Refused(() => Set()).Code.Should().Be("invalid-iban");
        Refused(() => Set(bic: "COBADEFFXXX")).Code.Should().Be("invalid-iban");
        Refused(() => Set(bic: "COBADEFFXXX", reference: "PayPal")).Code.Should().Be("invalid-bic");
        Refused(() => Set(reference: "   ")).Code.Should().Be("invalid-accountReference");
    }

    [Fact]
    public void Only_the_member_sets_their_details_and_not_once_erased()
    {
        var byAda = Refused(() => Set(reference: "PayPal", by: Ada));
        (byAda.Kind, byAda.Code).Should().Be((RefusalKind.Forbidden, "self-only"));
        var erased = Refused(() => Set(reference: "PayPal", member: DeeMember with { Erased = true }));
        (erased.Kind, erased.Code).Should().Be((RefusalKind.Conflict, "member-erased"));
        var unknown = Refused(() =>
            PayoutDetails.Decide(new SetPayoutDetails(Dee, null, null, "PayPal", Dee), Makers, null, Now));
        (unknown.Kind, unknown.Code).Should().Be((RefusalKind.NotFound, "member-not-found"));
    }

    [Fact]
    public void A_steward_erases_a_member_once()
    {
        PayoutDetails.Decide(new EraseMember(Dee, Ada), Makers, DeeMember, Now).Should().BeEquivalentTo(
            new object[] { new MemberErased(NetworkId, Dee, Ada, Now) }, o => o.RespectingRuntimeTypes());
        var again = Refused(() =>
            PayoutDetails.Decide(new EraseMember(Dee, Ada), Makers, DeeMember with { Erased = true }, Now));
        (again.Kind, again.Code).Should().Be((RefusalKind.Conflict, "already-erased"));
        Refused(() => PayoutDetails.Decide(new EraseMember(Dee, Ada), Makers, null, Now))
            .Code.Should().Be("member-not-found");
    }
}

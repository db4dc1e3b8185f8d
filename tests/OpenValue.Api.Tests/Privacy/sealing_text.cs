using OpenValue.Api.Privacy;

namespace OpenValue.Api.Tests.Privacy;

/// <summary>The sealed field format on its own: no database.</summary>
public class sealing_text
{
    private static readonly Guid Network = Guid.Parse("0197a000-0000-7000-8000-000000000001");
    private static readonly Guid Dee = Guid.Parse("0197a000-0000-7000-8000-0000000000d4");

    [Fact]
    public void sealed_text_opens_with_its_key_and_names_its_owner()
    {
        var key = SealedText.NewKey();
        var stored = SealedText.Seal("Dee Smith — Zürich", Network, Dee, key);
        stored.Should().StartWith("ov1.").And.NotContain("Dee");
        SealedText.OwnerOf(stored).Should().Be(Dee);
        SealedText.Open(stored, Network, key).Should().Be("Dee Smith — Zürich");
        // "ov1." + base64url of 16 (id) + 12 (nonce) + 16 (tag) + 21 UTF-8 bytes = 65 bytes → 87 characters.
        stored.Length.Should().Be(4 + 87);
    }

    [Fact]
    public void the_same_text_seals_differently_each_time()
    {
        var key = SealedText.NewKey();
        SealedText.Seal("Dee", Network, Dee, key).Should().NotBe(SealedText.Seal("Dee", Network, Dee, key));
    }

    [Fact]
    public void without_its_key_or_under_another_network_or_tampered_it_does_not_open()
    {
        var key = SealedText.NewKey();
        var stored = SealedText.Seal("DE89370400440532013000", Network, Dee, key);
        SealedText.Open(stored, Network, null).Should().BeNull();
        SealedText.Open(stored, Network, SealedText.NewKey()).Should().BeNull();
        SealedText.Open(stored, Guid.NewGuid(), key).Should().BeNull();
        var flipped = stored[..^2] + (stored[^2] == 'A' ? 'B' : 'A') + stored[^1];
        SealedText.Open(flipped, Network, key).Should().BeNull();
    }

    [Fact]
    public void plain_text_is_not_sealed_and_reads_as_it_is()
    {
        SealedText.IsSealed("Ada").Should().BeFalse();
        SealedText.OwnerOf("ov1.not base64!").Should().BeNull();
        var texts = new Unsealed(Network, new Dictionary<Guid, byte[]>());
        texts.Text("Router jig").Should().Be("Router jig");
        texts.Name("Ada").Should().Be("Ada");
    }

    [Fact]
    public void an_erased_key_reads_as_erased_and_sentences_keep_their_shape()
    {
        var key = SealedText.NewKey();
        var name = SealedText.Seal("Dee", Network, Dee, key);
        var text = SealedText.Seal("Router jig", Network, Dee, key);
        var sentence = $"Admitted {name}; claimed: {Unsealed.FreeTextMark}{text}";
        new Unsealed(Network, new Dictionary<Guid, byte[]> { [Dee] = key }).Within(sentence, t => t + ".")
            .Should().Be("Admitted Dee; claimed: Router jig.");
        var erased = new Unsealed(Network, new Dictionary<Guid, byte[]>());
        erased.Within(sentence, t => t + ".").Should().Be("Admitted erased member; claimed: (erased).");
        (erased.Name(name), erased.Text(text)).Should().Be(("erased member", "(erased)"));
    }
}

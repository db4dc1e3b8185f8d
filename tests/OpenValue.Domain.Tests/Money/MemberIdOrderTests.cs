namespace OpenValue.Domain.Tests.Money;

using OpenValue.Domain.Money;

public class MemberIdOrderTests
{
    [Fact]
    public void The_order_is_the_ordinal_order_of_the_lower_case_D_strings()
    {
        var random = new SeededRandom(20261126);
        var ids = Enumerable.Range(0, 2000).Select(_ => random.NextGuid()).ToList();
        // Ids that differ in one byte only, at every position, in both directions of the sign bit.
        var baseline = random.NextGuid().ToByteArray();
        for (var at = 0; at < 16; at++)
            foreach (var value in new byte[] { 0x00, 0x7f, 0x80, 0xff })
            {
                var bytes = (byte[])baseline.Clone();
                bytes[at] = value;
                ids.Add(new Guid(bytes));
            }

        var wrong = 0;
        for (var i = 1; i < ids.Count; i++)
            for (var j = Math.Max(0, i - 64); j < i; j++)
                if (Math.Sign(MemberIdOrder.Instance.Compare(ids[i], ids[j])) != Math.Sign(string.CompareOrdinal(ids[i].ToString("D"), ids[j].ToString("D"))))
                    wrong++;
        wrong.Should().Be(0);
        var byStrings = ids.OrderBy(id => id.ToString("D"), StringComparer.Ordinal).ToList();
        ids.Order(MemberIdOrder.Instance).Should().Equal(byStrings);
        ids.OrderBy(MemberIdOrder.Key).Should().Equal(byStrings);
    }
}

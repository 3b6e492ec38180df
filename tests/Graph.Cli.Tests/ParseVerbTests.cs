using System.Text;
using Graph.Formats;
using Graph.Rdf;

namespace Graph.Cli.Tests;

[TestClass]
public sealed class ParseVerbTests : CliTestBase
{
    private static (int Code, string Out, string Err) Run(string stdin, params string[] args) => RunKg(stdin, false, args);

    [TestMethod]
    public void TurtleFileIsWrittenAsCanonicalNTriplesOnStdout()
    {
        var f = WriteFile("a.ttl", "@prefix : <http://ex/> .\n:s :p \"x\\ty\", 3 .\n");
        var (code, stdout, stderr) = Run("", "parse", f);
        Assert.AreEqual(0, code, stderr);
        Assert.AreEqual(
            "<http://ex/s> <http://ex/p> \"x\\ty\" .\n<http://ex/s> <http://ex/p> \"3\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n",
            stdout);
    }

    [TestMethod]
    public void StandardInputIsReadWithAnExplicitFormat()
    {
        var (code, stdout, _) = Run("<http://ex/s> <http://ex/p> <http://ex/o> <http://ex/g> .\n", "parse", "-", "--format", "nquads");
        Assert.AreEqual(0, code);
        Assert.AreEqual("<http://ex/s> <http://ex/p> <http://ex/o> <http://ex/g> .\n", stdout);
    }

    [TestMethod]
    public void StandardInputWithoutAFormatIsAUsageError()
    {
        var (code, _, stderr) = Run("", "parse", "-");
        Assert.AreEqual(2, code);
        StringAssert.Contains(stderr, "--format");
    }

    [TestMethod]
    public void UnknownOutputSyntaxIsAUsageError()
        => Assert.AreEqual(2, Run("", "parse", WriteFile("a.nt", ""), "--to", "yaml").Code);

    [TestMethod]
    public void RelativeBaseIsAUsageError()
        => Assert.AreEqual(2, Run("", "parse", WriteFile("a.ttl", ""), "--base", "relative/path").Code);

    [TestMethod]
    public void BadInputExitsOneWithFileLineAndColumn()
    {
        var f = WriteFile("bad.ttl", "@prefix : <http://ex/> .\n:s :p :o ;\n  :q ] .\n");
        var (code, stdout, stderr) = Run("", "parse", f);
        Assert.AreEqual(1, code);
        StringAssert.StartsWith(stderr, f + ":3:6: ");
        Assert.IsFalse(stderr.Contains("   at ", StringComparison.Ordinal), "no stack trace");
        _ = stdout;
    }

    [TestMethod]
    public void NTriplesWithARarerConstructLateInTheFileIsReadAgainByTheFullParser()
    {
        var doc = new StringBuilder();
        for (var i = 0; i < 2000; i++) doc.Append("<http://ex/s").Append(i).Append("> <http://ex/p> \"v").Append(i).Append("\" .\n");
        doc.Append("<http://ex/s0> <http://ex/p> \"x\"@ar--rtl .\n");
        var (code, stdout, stderr) = Run("", "parse", WriteFile("late.nt", doc.ToString()), "--to", "turtle");
        Assert.AreEqual(0, code, stderr);
        StringAssert.Contains(stdout, "<http://ex/s0> <http://ex/p> \"v0\", \"x\"@ar--rtl .");
        StringAssert.Contains(stdout, "<http://ex/s1999> <http://ex/p> \"v1999\" .");
    }

    [TestMethod]
    public void BadNTriplesLateInTheFileGivesTheFullParsersErrorAndNoTurtle()
    {
        var doc = new StringBuilder();
        for (var i = 0; i < 2000; i++) doc.Append("<http://ex/s").Append(i).Append("> <http://ex/p> <http://ex/o> .\n");
        doc.Append("<http://ex/s> <http://ex/p> \"unterminated .\n");
        var f = WriteFile("bad.nt", doc.ToString());
        var (code, stdout, stderr) = Run("", "parse", f, "--to", "turtle");
        Assert.AreEqual(1, code);
        StringAssert.StartsWith(stderr, f + ":2001:");
        Assert.AreEqual("", stdout);
    }

    [TestMethod]
    public void MissingFileExitsOne()
        => Assert.AreEqual(1, Run("", "parse", Path.Combine(Dir, "nope.ttl")).Code);

    [TestMethod]
    public void OutFileIsNotCreatedWhenTheInputIsBad()
    {
        var f = WriteFile("bad.nt", "<http://ex/s> <http://ex/p> <http://ex/o> .\n<http://ex/s> <http://ex/p> \"unterminated\n");
        var target = Path.Combine(Dir, "out.nt");
        var (code, _, stderr) = Run("", "parse", f, "--out", target);
        Assert.AreEqual(1, code);
        StringAssert.StartsWith(stderr, f + ":2:");
        Assert.IsFalse(File.Exists(target));
        Assert.AreEqual(1, Directory.GetFiles(Dir).Length, "no temporary file is left behind");
    }

    [TestMethod]
    public void OutFileHoldsTheConvertedDocument()
    {
        var f = WriteFile("a.trig", "@prefix : <http://ex/> .\n:g { :s :p :o . }\n:s :p :o .\n");
        var target = Path.Combine(Dir, "out.nq");
        var (code, stdout, stderr) = Run("", "parse", f, "--out", target);
        Assert.AreEqual(0, code, stderr);
        Assert.AreEqual("", stdout);
        Assert.AreEqual("<http://ex/s> <http://ex/p> <http://ex/o> <http://ex/g> .\n<http://ex/s> <http://ex/p> <http://ex/o> .\n", File.ReadAllText(target));
    }

    [TestMethod]
    public void NamedGraphsCannotBeWrittenAsNTriples()
    {
        var f = WriteFile("a.nq", "<http://ex/s> <http://ex/p> <http://ex/o> <http://ex/g> .\n");
        var (code, _, stderr) = Run("", "parse", f, "--to", "ntriples");
        Assert.AreEqual(1, code);
        StringAssert.Contains(stderr, "nquads");
    }

    [TestMethod]
    public void NamedGraphsCannotBeWrittenAsTurtleButAsTriG()
    {
        var f = WriteFile("g.trig", "@prefix : <http://ex/> .\n:g { :s :p :o . }\n");
        var (code, stdout, stderr) = Run("", "parse", f, "--to", "turtle");
        Assert.AreEqual(1, code);
        Assert.AreEqual("", stdout);
        StringAssert.Contains(stderr, "--to trig");
        var trig = Run("", "parse", f, "--to", "trig");
        Assert.AreEqual(0, trig.Code, trig.Err);
        Assert.AreEqual("@prefix : <http://ex/> .\n\n:g {\n    :s :p :o .\n}\n", trig.Out);
    }

    [TestMethod]
    public void RelativeIriNeedsABase()
    {
        var f = WriteFile("rel.ttl", "<s> <p> <o> .\n");
        var (code, _, stderr) = Run("", "parse", f);
        Assert.AreEqual(1, code);
        StringAssert.StartsWith(stderr, f + ":1:1: ");
        var (code2, stdout2, _) = Run("", "parse", f, "--base", "http://ex/dir/");
        Assert.AreEqual(0, code2);
        Assert.AreEqual("<http://ex/dir/s> <http://ex/dir/p> <http://ex/dir/o> .\n", stdout2);
    }

    [TestMethod]
    public void TurtleOutputIsDeterministicAndReadsBackToTheSameGraph()
    {
        var f = WriteFile("g.ttl", """
            @prefix : <http://ex/> .
            :b :p ( 1 2.5 true ) ; :q [ :r "x"@en ] .
            :a a :C ; :p _:x . _:x :p _:x .
            """);
        var first = Run("", "parse", f, "--to", "turtle");
        var second = Run("", "parse", f, "--to", "turtle");
        Assert.AreEqual(0, first.Code, first.Err);
        Assert.AreEqual(first.Out, second.Out);
        var original = new ListSink();
        RdfReader.Parse(f, null, null, original);
        var back = new ListSink();
        RdfReader.ParseString(first.Out, RdfFormat.Turtle, null, back);
        Assert.IsTrue(Isomorphism.AreIsomorphic(original.Quads, back.Quads), first.Out);
        StringAssert.Contains(first.Out, "( 1 2.5 true )");
    }

    [TestMethod]
    public void BlankNodeLabelsAreKeptAsWritten()
    {
        var (code, stdout, _) = Run("_:alice <http://ex/knows> _:bob .\n", "parse", "-", "--format", "ntriples");
        Assert.AreEqual(0, code);
        Assert.AreEqual("_:alice <http://ex/knows> _:bob .\n", stdout);
    }

    [TestMethod]
    public void HelpDescribesTheContract()
    {
        var (code, stdout, _) = Run("", "parse", "--help");
        Assert.AreEqual(0, code);
        StringAssert.Contains(stdout, "--to ntriples|nquads|turtle|trig");
    }
}

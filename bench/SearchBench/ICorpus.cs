using GatewayPortal.Search.Documents;

namespace GatewayPortal.Bench.SearchBench;

/// <summary>A deterministic document generator and the query mix that goes with it.</summary>
internal interface ICorpus
{
    /// <summary>Name printed in the results (and accepted by <c>--corpus</c>).</summary>
    string Name { get; }

    /// <summary>One line describing how the documents are made.</summary>
    string Description { get; }

    /// <summary>The fixed query mix both engines run.</summary>
    IReadOnlyList<string> Queries { get; }

    /// <summary>Document <paramref name="i"/>; the same on every run.</summary>
    SearchDocument Generate(int i);
}

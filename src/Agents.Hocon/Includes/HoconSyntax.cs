namespace Agents.Hocon;

/// <summary>The format of an included source.</summary>
public enum HoconSyntax
{
    /// <summary>HOCON (<c>.conf</c>).</summary>
    Hocon,
    /// <summary>JSON (<c>.json</c>), read with the HOCON parser, of which JSON is a subset.</summary>
    Json,
    /// <summary>Java properties (<c>.properties</c>): keys split on dots, all values strings.</summary>
    Properties,
}

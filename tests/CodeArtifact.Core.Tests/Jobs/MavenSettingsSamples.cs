using CodeArtifact.Core.Auth;
using CodeArtifact.Core.Jobs;

namespace CodeArtifact.Core.Tests.Jobs;

/// <summary>Settings files as users have them, and the repositories the service gives.</summary>
internal static class MavenSettingsSamples
{
    public const string ReleaseId = "cn-north-7_5a775fdcb14f4431b6c0015618140bc3_maven_1_201";
    public const string SnapshotId = "cn-north-7_5a775fdcb14f4431b6c0015618140bc3_maven_2_201";
    public const string UserName = "cn-north-7_5a775fdcb14f4431b6c0015618140bc3_user";

    /// <summary>Maven's own encryption of a password (mvn --encrypt-password): must survive byte for byte.</summary>
    public const string EncryptedPassword = "{jSMOWnoPFgsHVpMvz5VrIt5kRbzGpI8u+9EF1iFQyJQ=}";

    public const string EncryptedProxyPassword = "{COQLCE6DU6GtcS5P=}";

    /// <summary>A corporate settings file: mirror of everything, an authenticated proxy with nonProxyHosts, servers with encrypted and escaped passwords, a profile with properties.</summary>
    public static string Corporate(string ns = "http://maven.apache.org/SETTINGS/1.2.0", string mirrorOf = "*") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- Corporate Maven settings: managed by IT. -->
        <settings {(ns.Length == 0 ? string.Empty : $"xmlns=\"{ns}\" ")}xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
          <localRepository>/opt/cache/m2</localRepository>
          <interactiveMode>false</interactiveMode>
          <proxies>
            <proxy>
              <id>corp-proxy</id>
              <active>true</active>
              <protocol>https</protocol>
              <host>proxy.corp.example</host>
              <port>3128</port>
              <username>svc-build</username>
              <password>{EncryptedProxyPassword}</password>
              <nonProxyHosts>*.corp.example|localhost|127.0.0.1</nonProxyHosts>
            </proxy>
          </proxies>
          <servers>
            <!-- Nexus deploy account -->
            <server>
              <id>corp-nexus</id>
              <username>deployer</username>
              <password>{EncryptedPassword}</password>
            </server>
            <server>
              <id>github</id>
              <username>octocat</username>
              <password>ghp_&amp;&lt;plain&gt;"quoted"</password>
              <configuration>
                <httpHeaders>
                  <property>
                    <name>X-Trace</name>
                    <value>on</value>
                  </property>
                </httpHeaders>
              </configuration>
            </server>
          </servers>
          <mirrors>
            <mirror>
              <id>corp-nexus</id>
              <name>Corporate Nexus</name>
              <url>https://nexus.corp.example/repository/maven-public/</url>
              <mirrorOf>{mirrorOf}</mirrorOf>
            </mirror>
          </mirrors>
          <profiles>
            <profile>
              <id>corp</id>
              <properties>
                <sonar.host.url>https://sonar.corp.example</sonar.host.url>
                <env>ci</env>
              </properties>
            </profile>
          </profiles>
          <activeProfiles>
            <activeProfile>corp</activeProfile>
          </activeProfiles>
          <pluginGroups>
            <pluginGroup>org.sonarsource.scanner.maven</pluginGroup>
          </pluginGroups>
        </settings>

        """;

    public static MavenRepositoryCredential Release(string password = "p@ss<&>") => new(
        ReleaseId, "testmaven-release", $"https://devrepo.example.test/artgalaxy/{ReleaseId}/", "release", UserName, new Secret(password));

    public static MavenRepositoryCredential Snapshot(string password = "other") => new(
        SnapshotId, "testmaven-snapshot", $"https://devrepo.example.test/artgalaxy/{SnapshotId}/", "snapshot", UserName, new Secret(password));
}

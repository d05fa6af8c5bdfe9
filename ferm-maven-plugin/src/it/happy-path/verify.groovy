// A small service: the bundle is built, checked, attached and installed, with reproducible entries.
import groovy.json.JsonSlurper
import java.time.Instant

def its = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/ItSupport.groovy'))

String log = its.buildLog(basedir)
File archive = new File(basedir, 'target/happy-path-1.0-ferm.tar.gz')
assert log.contains('[INFO] exposed but closed: 5005/tcp (no ingress rule opens it)')
assert log.contains('[INFO] IPv6 ingress rules need Docker 23 or later: Docker 20.10 to 22 make no ip6tables DOCKER-USER')
assert log.contains('[INFO] orders: 5 rules open 22/tcp, 80/tcp, 514/udp, 8443/tcp, 9100/tcp to any and 4 networks (9 iptables allow rules) -> target/happy-path-1.0-ferm.tar.gz')
assert !log.contains('[INFO] Service orders'), 'a name the descriptor gives needs no note'
assert log.contains('BUILD SUCCESS')
its.assertNoStackTrace(log)
// With ferm installed, verify=auto (or true, as CI sets it) has the real ferm check the bundle.
if (System.getenv('PATH').split(File.pathSeparator).any { new File(it, 'ferm').canExecute() }) {
    assert log.contains('accepts the bundle.')
}

// Attached with classifier ferm and type tar.gz, so install copies it with those coordinates.
File installed = new File(localRepositoryPath, 'it/ferm/happy-path/1.0/happy-path-1.0-ferm.tar.gz')
assert installed.isFile(), "not installed: ${installed}"
assert its.sha256(installed) == its.sha256(archive)
its.assertNeutralGzipHeader(archive)

List<Map> entries = its.tarEntries(archive)
assert entries*.name == ['ferm.d/', 'ferm.d/.orders.bundle.json', 'ferm.d/00-docker.ferm',
                         'ferm.d/20-in.docker.orders.ferm', 'ferm.d/20-in.orders.ferm', 'ferm.d/99-docker.ferm']
long outputTimestamp = Instant.parse('2024-03-01T12:34:56Z').epochSecond
entries.each { entry ->
    assert entry.mtime == outputTimestamp, "${entry.name}: mtime ${entry.mtime}"
    assert entry.uid == 0 && entry.gid == 0, "${entry.name}: uid ${entry.uid} gid ${entry.gid}"
    assert entry.mode == (entry.type == '5' as char ? 0755 : 0644), "${entry.name}: mode ${Long.toOctalString(entry.mode)}"
}
Map<String, String> text = entries.collectEntries { [it.name, it.text] }

String docker = text['ferm.d/20-in.docker.orders.ferm']
assert docker.contains('chain DOCKER-USER interface eth0 outerface docker0')
assert docker.contains('saddr 198.51.100.0/24 proto tcp mod conntrack ctorigdstport 8443 ')   // published 8443:443
assert docker.contains('saddr 2001:db8:20::/48 proto tcp dport 9100 ')                        // the group's IPv6 half
assert docker.contains('proto udp dport 514 ')
String ip6 = docker.substring(docker.indexOf('domain ip6'))
assert !ip6.contains('10.20.0.0/16') && !ip6.contains('dport 514'), 'an IPv4-only rule leaked into ip6'
assert !docker.contains('9999'), 'the build stage EXPOSE must not count'

String host = text['ferm.d/20-in.orders.ferm']
assert host.contains('chain INPUT') && host.contains('saddr 198.51.100.0/24 proto tcp dport 22 ')
assert text['ferm.d/99-docker.ferm'].contains('DROP;')
assert text['ferm.d/00-docker.ferm'].contains('@preserve')

def manifest = new JsonSlurper().parseText(text['ferm.d/.orders.bundle.json'])
assert manifest.service == 'orders'
assert manifest.maven == [groupId: 'it.ferm', artifactId: 'happy-path', version: '1.0']
assert manifest.exposedPorts == ['80/tcp', '443/tcp', '514/udp', '5005/tcp', '9100/tcp']
assert manifest.rules*.name == ['web', 'admin', 'metrics', 'syslog', 'ssh']
manifest.files.each { file ->
    String content = text[file.path]
    assert content != null, "the manifest lists ${file.path}, which the archive lacks"
    assert java.security.MessageDigest.getInstance('SHA-256').digest(content.getBytes('UTF-8')).encodeHex().toString() == file.sha256
}

// target/ferm holds the same files as the archive.
entries.findAll { it.type != '5' as char }.each { entry ->
    assert new File(basedir, 'target/ferm/' + entry.name).getText('UTF-8') == entry.text
}
true

// The host bundle holds both services' files, shared files once, and a manifest naming each service
// with its coordinates and the sha256 of the very archive it was made from; same tar conventions as a service's.
import groovy.json.JsonSlurper
def its = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/ItSupport.groovy'))
def log = its.buildLog(basedir)
assert log.contains('ferm host bundle of host with 2 service(s) (alpha, web)')
File archive = new File(basedir, 'host/target/host-1.0-ferm.tar.gz')
its.assertNeutralGzipHeader(archive)
def entries = its.tarEntries(archive)
assert entries*.name == ['ferm.d/', 'ferm.d/.alpha.bundle.json', 'ferm.d/.host.host.json', 'ferm.d/.web.bundle.json',
                         'ferm.d/00-docker.ferm', 'ferm.d/20-in.docker.alpha.ferm', 'ferm.d/20-in.docker.web.ferm',
                         'ferm.d/20-in.web.ferm', 'ferm.d/99-docker.ferm']
assert entries.every { it.uid == 0 && it.gid == 0 && it.uname == '' && it.mtime == 1709296496L }
assert entries.every { it.mode == (it.type == '5' as char ? 0755 : 0644) }

def manifest = new JsonSlurper().parseText(entries.find { it.name == 'ferm.d/.host.host.json' }.text)
assert manifest.host == 'host'
assert manifest.maven == [groupId: 'it.ferm', artifactId: 'host', version: '1.0']
File web = new File(basedir, 'web/target/web-1.0-ferm.tar.gz')
File alpha = new File(basedir, '../../local-repo/it/ferm/released/alpha/1.0/alpha-1.0-ferm.tar.gz')
assert manifest.services == [
        [service: 'alpha', maven: [groupId: 'it.ferm.released', artifactId: 'alpha', version: '1.0'],
         sha256: its.sha256(alpha), manifest: 'ferm.d/.alpha.bundle.json'],
        [service: 'web', maven: [groupId: 'it.ferm', artifactId: 'web', version: '1.0'],
         sha256: its.sha256(web), manifest: 'ferm.d/.web.bundle.json']]
// Attached like a service's bundle.
assert new File(basedir, 'host/target/ferm/ferm.d/.host.host.json').isFile()
true

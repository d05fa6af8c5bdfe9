// Built in parallel, each service has its own bundle, and the files every bundle shares are
// byte-identical, so that the bundles extract into one ferm.d.
def its = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/ItSupport.groovy'))
def log = its.buildLog(basedir)
assert log.contains('Using the MultiThreadedBuilder implementation with a thread count of 3')
def bundles = ['billing', 'orders', 'search'].collectEntries { service ->
    File archive = new File(basedir, "${service}/target/${service}-1.0-ferm.tar.gz")
    assert archive.isFile(), "no bundle for ${service}"
    [(service): its.tarEntries(archive).collectEntries { [(it.name): it.text] }]
}
bundles.each { service, entries ->
    assert entries.containsKey("ferm.d/20-in.docker.${service}.ferm".toString())
    assert entries.containsKey("ferm.d/.${service}.bundle.json".toString())
}
['ferm.d/00-docker.ferm', 'ferm.d/99-docker.ferm'].each { shared ->
    assert bundles.values().collect { it[shared] }.unique().size() == 1, "${shared} differs between services"
}
true

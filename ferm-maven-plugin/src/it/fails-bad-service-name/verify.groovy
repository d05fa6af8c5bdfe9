// The service name must be lowercase letters, digits, '.', '_' and '-'.
def its = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/ItSupport.groovy'))
its.assertFailsWith(basedir, '''firewall.yaml:2:10: 'Shop_API' is not a usable service name. Set 'service:' to 1-40 characters: lowercase letters and digits first, then also '.', '_' or '-', not starting with 'docker.', which names the container rules' files.''')
true

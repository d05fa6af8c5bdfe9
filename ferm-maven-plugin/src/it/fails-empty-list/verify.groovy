// An empty 'ports' list is refused: omitting the key is how to say all exposed ports.
def its = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/ItSupport.groovy'))
its.assertFailsWith(basedir, '''firewall.yaml:5:12: 'ports' is empty. List at least one entry, like [80, 443], or remove the key.''')
true

// A descriptor that is not UTF-8 fails instead of being read with the wrong characters.
def its = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/ItSupport.groovy'))
its.assertFailsWith(basedir, '''firewall.yaml: the firewall descriptor is not valid UTF-8. Save it as UTF-8.''')
true

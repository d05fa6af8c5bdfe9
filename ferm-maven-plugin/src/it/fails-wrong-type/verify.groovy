// A scalar or mapping where a list belongs is a type error at the value.
def its = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/ItSupport.groovy'))
its.assertFailsWith(basedir, '''firewall.yaml:5:12: 'ingress[0].ports' must be a list, like [80, 443]. See the descriptor reference in the README.''')
true

// A range written high to low is refused with the right order.
def its = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/ItSupport.groovy'))
its.assertFailsWith(basedir, '''firewall.yaml:5:13: the range 90-80 is reversed. Write it low to high: 80-90.''')
true
